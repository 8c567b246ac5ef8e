using System.Globalization;

namespace Kata.Grading;

/// <summary>What <c>./kata grade</c> was asked for; <see cref="Validate"/> turns a bad value into a usage error (exit 2) before any work.</summary>
public sealed record GradeOptions(string ReportDir, double? Min, int TimeoutSeconds, string? Manifest, ReferenceSource? Reference)
{
    public const int UsageError = 2;

    public static double? ParseMin(string? text)
    {
        if (text == null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double min))
            throw new RunnerException($"--min '{text}' is not a number: give the lowest passing score, 0 to 100 (e.g. --min 60).", UsageError);
        return min;
    }

    public static int ParseTimeout(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds)
            ? seconds
            : throw new RunnerException($"--timeout '{text}' is not a whole number of seconds (e.g. --timeout 120).", UsageError);

    public void Validate()
    {
        if (Min is { } min && (double.IsNaN(min) || min < 0 || min > 100))
            throw new RunnerException(string.Create(CultureInfo.InvariantCulture, $"--min {min} is out of range: the score is 0 to 100."), UsageError);
        if (TimeoutSeconds <= 0)
            throw new RunnerException($"--timeout {TimeoutSeconds} is not a time limit: give the seconds each kata may take, more than 0.", UsageError);
    }
}
