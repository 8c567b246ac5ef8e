using Benchmarks.Ladder;
using Kata.Commands;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// <c>./kata bench</c> hands its options to the ladder (benchmarks/Ladder): what it passes on must be what the ladder
/// reads, and the ladder must refuse what it cannot use — a typo there would otherwise cost a whole run.
/// </summary>
public class BenchArgumentsTests
{
    private static readonly string[] LevelNames = ["OpenBlas", "Fast", "Matmul", "Portable"];

    /// <summary>The ladder's part of the command line: what follows <c>--</c>.</summary>
    private static List<string> LadderPart(ForwardCommand.LadderChoice choice)
    {
        var args = ForwardCommand.BenchArguments(choice);
        return args[(args.IndexOf("--") + 1)..];
    }

    [Test]
    public void EveryOption_ReachesTheLadder_AsGiven()
    {
        var choice = new ForwardCommand.LadderChoice(Solutions: true, Quick: true, Rounds: "3", Levels: "OpenBlas,Fast", Note: "a busy afternoon");
        var args = ForwardCommand.BenchArguments(choice);
        Assert.That(args, Does.Contain("-p:Against=solutions"));
        Assert.That(args.IndexOf("-p:Against=solutions"), Is.LessThan(args.IndexOf("--")), "the switch is dotnet run's, not the ladder's");

        var options = LadderOptions.Parse(LadderPart(choice), LevelNames);
        Assert.That(options.Mode, Is.EqualTo("quick"));
        Assert.That(options.Rounds, Is.EqualTo(3));
        Assert.That(options.Levels, Is.EquivalentTo(new[] { "OpenBlas", "Fast" }));
        Assert.That(options.Note, Is.EqualTo("a busy afternoon"));
    }

    [Test]
    public void NoOptions_AreOneFullRoundOfEveryLevel()
    {
        var args = ForwardCommand.BenchArguments(new ForwardCommand.LadderChoice(Solutions: false, Quick: false));
        Assert.That(args, Does.Not.Contain("-p:Against=solutions"), "the learner's katas unless --solutions");
        var options = LadderOptions.Parse(LadderPart(new ForwardCommand.LadderChoice(false, false)), LevelNames);
        Assert.That((options.Mode, options.Rounds, options.Levels, options.Note), Is.EqualTo(("full", 1, (IReadOnlySet<string>?)null, "")));
    }

    [TestCase("0", "from 1 to 20, not \"0\"")]
    [TestCase("21", "from 1 to 20, not \"21\"")]
    [TestCase("three", "not \"three\"")]
    public void RoundsOutOfRange_AreRefused_WithTheValue(string rounds, string message)
    {
        var args = LadderPart(new ForwardCommand.LadderChoice(false, false, Rounds: rounds));
        Assert.That(() => LadderOptions.Parse(args, LevelNames), Throws.ArgumentException.With.Message.Contains("--rounds").And.Message.Contains(message));
    }

    [Test]
    public void AnUnknownLevel_IsRefused_AndTheLevelsAreListed()
    {
        var args = LadderPart(new ForwardCommand.LadderChoice(false, false, Levels: "Fast,OpenBLAS"));
        Assert.That(() => LadderOptions.Parse(args, LevelNames),
            Throws.ArgumentException.With.Message.Contains("no level \"OpenBLAS\"").And.Message.Contains("OpenBlas, Fast, Matmul, Portable"));
    }

    [TestCase(new[] { "--ladder", "--round", "3" }, "does not know \"--round\"")]
    [TestCase(new[] { "--ladder", "--rounds" }, "--rounds needs a value")]
    [TestCase(new[] { "--ladder", "--levels", "--quick" }, "--levels needs a value")]
    [TestCase(new[] { "--ladder", "--levels", "," }, "name at least one level")]
    [TestCase(new[] { "--ladder", "--quick", "--dry" }, "give one of them")]
    public void WhatTheLadderCannotUse_IsRefused_ByName(string[] args, string message)
    {
        Assert.That(() => LadderOptions.Parse(args, LevelNames), Throws.ArgumentException.With.Message.Contains(message));
    }
}
