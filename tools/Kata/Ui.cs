using Spectre.Console;

namespace Kata;

/// <summary>How states, counts and progress look on the console (colour only where the terminal has it).</summary>
public static class Ui
{
    /// <summary>
    /// The console every verb writes to. Colours and styles only on a terminal, and not when <c>NO_COLOR</c> is set
    /// (no-color.org) or <c>--no-color</c> was given; in a pipe or a log, lines are never hard-wrapped.
    /// </summary>
    public static IAnsiConsole CreateConsole(TextWriter output, bool isTerminal, bool noColorOption)
    {
        bool plain = IsPlain(isTerminal, noColorOption, Environment.GetEnvironmentVariable("NO_COLOR"));
        // Without ANSI, Spectre resets colours through System.Console, which writes escape codes to a terminal unless
        // NO_COLOR is set; setting it also keeps colour out of what ./kata bench and ./kata train start.
        if (plain && noColorOption) Environment.SetEnvironmentVariable("NO_COLOR", "1");
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        // A terminal wraps long lines itself; a file or a pipe keeps them whole (a hint stays one line).
        if (!isTerminal) console.Profile.Width = NoWrapWidth;
        return console;
    }

    /// <summary>Wide enough that no message is ever split; tables are still only as wide as their content.</summary>
    public const int NoWrapWidth = 32767;

    /// <summary>True when the output gets no escape codes at all: not a terminal, NO_COLOR set (non-empty) or --no-color.</summary>
    public static bool IsPlain(bool isTerminal, bool noColorOption, string? noColorVariable) =>
        !isTerminal || noColorOption || !string.IsNullOrEmpty(noColorVariable);

    public static string StateMarkup(KataState state) => state switch
    {
        KataState.Done => "[green]done[/]",
        KataState.InProgress => "[yellow]in progress[/]",
        KataState.NotStarted => "[grey]not started[/]",
        KataState.DoesNotBuild => "[red]does not build[/]",
        KataState.TimedOut => "[red]timed out[/]",
        KataState.Crashed => "[red]crashed[/]",
        KataState.NoTests => "[grey]no tests[/]",
        KataState.Blocked => "[grey]not run (build errors elsewhere)[/]",
        KataState.Refused => "[red]refused (not safe C#)[/]",
        _ => state.ToString(),
    };

    public static string StateText(KataState state) => Markup.Remove(StateMarkup(state));

    /// <summary>A bar of <paramref name="width"/> cells, green for done.</summary>
    public static string Bar(int done, int total, int width = 30)
    {
        int filled = total == 0 ? 0 : (int)Math.Round((double)width * done / total);
        return $"[green]{new string('█', filled)}[/][grey]{new string('░', width - filled)}[/] {done}/{total} katas done";
    }

    public static string Escape(string text) => Markup.Escape(text);

    /// <summary>Prints a failure the way a learner can act on it: what failed, expected vs actual, where to look.</summary>
    public static void WriteFailure(IAnsiConsole console, TestOutcome test)
    {
        console.MarkupLine($"[red]✗[/] [bold]{Escape(test.Name)}[/]");
        string message = test.Message.Length > 1500 ? test.Message[..1500] + " …" : test.Message;
        if (test.Expected != null && test.Actual != null)
        {
            string head = message.Split('\n')[0].Trim();
            if (!head.StartsWith("Expected", StringComparison.OrdinalIgnoreCase)) console.MarkupLine($"    {Escape(head)}");
            if (test.Inputs != null) console.MarkupLine($"    [blue]inputs:[/]   {Escape(Indent(test.Inputs))}");
            console.MarkupLine($"    [green]expected:[/] {Escape(Indent(test.Expected))}");
            console.MarkupLine($"    [red]actual:  [/] {Escape(Indent(test.Actual))}");
        }
        else
        {
            console.MarkupLine($"    {Escape(Indent(message))}");
        }
        if (test.FileToOpen != null)
            console.MarkupLine($"    [blue]open:[/] {Escape(test.FileToOpen)}{(test.OpenNote != null ? $" [grey]({Escape(test.OpenNote)})[/]" : "")}");
    }

    /// <summary>The compiler's warnings in the learner's files: shown, never blocking (katas/ builds with warnings as warnings).</summary>
    public static void WriteWarnings(IAnsiConsole console, IReadOnlyList<string> warnings)
    {
        foreach (string warning in warnings.Take(5)) console.MarkupLine($"[yellow]warning[/] {Escape(warning)}");
        if (warnings.Count > 5) console.MarkupLine($"[yellow]…and {warnings.Count - 5} more warnings[/]");
    }

    private static string Indent(string text) => text.Replace("\n", "\n              ");
}
