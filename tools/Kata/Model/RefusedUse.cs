namespace Kata.Model;

/// <summary>One reason a kata was refused at grading: the rule, where in the kata's files, and the compiler's words.</summary>
public sealed record RefusedUse(string Rule, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Rule}: {Message}";
}
