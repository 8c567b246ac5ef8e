using System.Globalization;
using System.Text;

namespace Kata.Gradebook;

/// <summary>
/// The class as CSV for a learning-management system's grade import: one row per learner (latest grade), the total
/// score and each kata's points; RFC 4180 quoting.
/// </summary>
public static class ClassReportCsv
{
    public static string Render(ClassView view)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', ["student", "score", .. view.Katas.Select(k => k.Kata), "graded_at", "refused"]).Append("\r\n");
        foreach (var learner in view.Learners)
        {
            var last = learner.Last;
            var cells = view.Katas.Select(k => learner.Latest.TryGetValue(k.Kata, out var c) && !last.Refused ? Number(c.Points) : "");
            csv.AppendJoin(',', [Quote(learner.Login), Number(last.Score), .. cells, GradebookStore.Iso(last.GradedAt), last.Refused ? Quote(last.Reason) : ""]).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text.StartsWith('=') || text.StartsWith('+') || text.StartsWith('-') || text.StartsWith('@')
            ? "\"" + (text.Length > 0 && "=+-@".Contains(text[0]) ? "'" : "") + text.Replace("\"", "\"\"") + "\""
            : text;
}
