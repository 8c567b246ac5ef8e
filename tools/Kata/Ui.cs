using Spectre.Console;

namespace Kata;

/// <summary>How states, counts and progress look on the console (colour only where the terminal has it).</summary>
public static class Ui
{
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
            console.MarkupLine($"    [green]expected:[/] {Escape(Indent(test.Expected))}");
            console.MarkupLine($"    [red]actual:  [/] {Escape(Indent(test.Actual))}");
        }
        else
        {
            console.MarkupLine($"    {Escape(Indent(message))}");
        }
        if (test.FileToOpen != null) console.MarkupLine($"    [blue]open:[/] {Escape(test.FileToOpen)}");
    }

    private static string Indent(string text) => text.Replace("\n", "\n              ");
}
