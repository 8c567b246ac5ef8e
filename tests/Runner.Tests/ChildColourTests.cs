using Kata;
using Kata.Commands;
using NUnit.Framework;
using Spectre.Console;

namespace RunnerTests;

/// <summary>
/// <c>./kata train</c>, <c>bench</c> and <c>plot</c> start programs that write to the runner's own output: whenever the
/// runner has no colour (a pipe, NO_COLOR, --no-color), those children are told so too (NO_COLOR=1, no MSBuild
/// terminal logger), and with colour they are left alone.
/// </summary>
[NonParallelizable]
public class ChildColourTests
{
    private static readonly Repository Repo = new(Path.GetTempPath());

    private static IDictionary<string, string?> ChildEnvironment(IAnsiConsole console) =>
        ForwardCommand.StartInfo(Repo, console, ["run", "--project", "tools/Train"]).Environment;

    [Test]
    public void InAPipe_TheChildGetsNoColor()
    {
        var environment = ChildEnvironment(Ui.CreateConsole(new StringWriter(), isTerminal: false, noColorOption: false));
        Assert.That(environment["NO_COLOR"], Is.EqualTo("1"));
        Assert.That(environment["MSBUILDTERMINALLOGGER"], Is.EqualTo("off"), "dotnet run's build writes no terminal-logger colours either");
        Assert.That(environment.ContainsKey("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"), Is.False);
    }

    [Test]
    public void WithTheNoColorOption_InATerminal_TheChildGetsNoColor()
    {
        string? before = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            var console = Ui.CreateConsole(new StringWriter(), isTerminal: true, noColorOption: true);
            Assert.That(ChildEnvironment(console)["NO_COLOR"], Is.EqualTo("1"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", before);
        }
    }

    [Test]
    public void WithNoColorSet_InATerminal_TheChildGetsNoColor()
    {
        string? before = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "yes");
            var console = Ui.CreateConsole(new StringWriter(), isTerminal: true, noColorOption: false);
            Assert.That(ChildEnvironment(console)["NO_COLOR"], Is.EqualTo("1"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", before);
        }
    }

    [Test]
    public void WithColour_TheChildIsLeftToDecide()
    {
        string? before = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", null);
            var coloured = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.TrueColor, Out = new AnsiConsoleOutput(new StringWriter()) });
            var environment = ChildEnvironment(coloured);
            Assert.That(environment.ContainsKey("NO_COLOR"), Is.False);
            Assert.That(environment.ContainsKey("MSBUILDTERMINALLOGGER"), Is.False);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", before);
        }
    }
}
