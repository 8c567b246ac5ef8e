namespace Benchmarks.Ladder;

/// <summary>
/// The ladder's command line: <c>--ladder [--quick|--dry] [--levels Fast,OpenBlas] [--rounds 3] [--note "…"]</c>.
/// Anything else is refused with a message saying what was meant to be there, so a typo such as <c>--round 3</c>
/// cannot quietly give a one-round ladder.
/// </summary>
public sealed record LadderOptions(string Mode, string Note, IReadOnlySet<string>? Levels, int Rounds)
{
    public const int MaxRounds = 20;

    /// <summary>Reads <paramref name="args"/>; the level names must be among <paramref name="levelNames"/>.</summary>
    /// <exception cref="ArgumentException">An unknown argument, a flag without its value, or a value that is wrong,
    /// named in the message.</exception>
    public static LadderOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> levelNames)
    {
        bool quick = false, dry = false;
        string note = "";
        HashSet<string>? levels = null;
        int rounds = 1;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--ladder": break;
                case "--quick": quick = true; break;
                case "--dry": dry = true; break;
                case "--note": note = ValueOf(args, ref i); break;
                case "--levels": levels = ParseLevels(ValueOf(args, ref i), levelNames); break;
                case "--rounds": rounds = ParseRounds(ValueOf(args, ref i)); break;
                default:
                    throw new ArgumentException(
                        $"the ladder does not know \"{args[i]}\"; it takes --quick or --dry, --levels A,B, --rounds N and --note TEXT");
            }
        }
        if (quick && dry) throw new ArgumentException("--quick and --dry are two different ladders: give one of them");
        return new LadderOptions(dry ? "dry" : quick ? "quick" : "full", note, levels, rounds);
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i)
    {
        string flag = args[i];
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"{flag} needs a value after it");
        return args[++i];
    }

    private static HashSet<string> ParseLevels(string text, IReadOnlyCollection<string> levelNames)
    {
        HashSet<string> levels = [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        if (levels.Count == 0) throw new ArgumentException($"--levels: name at least one level; the levels are {string.Join(", ", levelNames)}");
        if (levels.FirstOrDefault(name => !levelNames.Contains(name)) is { } unknown)
            throw new ArgumentException($"--levels: there is no level \"{unknown}\"; the levels are {string.Join(", ", levelNames)}");
        return levels;
    }

    private static int ParseRounds(string text) =>
        int.TryParse(text, out int rounds) && rounds is >= 1 and <= MaxRounds
            ? rounds
            : throw new ArgumentException($"--rounds: give a whole number of rounds from 1 to {MaxRounds}, not \"{text}\"");
}
