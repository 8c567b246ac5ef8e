namespace Kata.Grading;

/// <summary>One kata's line in the grade: points are 100 × the fraction of its tests that pass.</summary>
public sealed record KataGrade(KataInfo Kata, KataResult Result)
{
    public double Points => Math.Round(100 * Result.Fraction, 1);
    public string Status => Ui.StateText(Result.State);
}
