namespace Kata.Model;

/// <summary>Where a learner stands on one kata.</summary>
public enum KataState
{
    /// <summary>Every test passes.</summary>
    Done,
    /// <summary>Some tests pass, or the stubs have been replaced but tests still fail.</summary>
    InProgress,
    /// <summary>No test passes and every failure is the stub's NotImplementedException.</summary>
    NotStarted,
    /// <summary>The kata's code (or its tests, against it) does not compile.</summary>
    DoesNotBuild,
    /// <summary>The tests did not finish within the time limit (an endless loop?).</summary>
    TimedOut,
    /// <summary>The test process died (stack overflow, Environment.Exit, FailFast…).</summary>
    Crashed,
    /// <summary>No test carries the kata's category.</summary>
    NoTests,
    /// <summary>Not run: another kata's build error stopped the whole build.</summary>
    Blocked,
    /// <summary>Not graded: the kata's code uses an API that could decide its own verdict (see katas/BannedSymbols.txt).</summary>
    Refused,
}
