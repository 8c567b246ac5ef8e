using System.Collections;
using System.IO.Pipes;
using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;

namespace Kata.Workers;

/// <summary>
/// The child process that runs tests (<c>kata.dll __worker …</c>): it loads the compiled test assembly in-process
/// with NUnit's FrameworkController (no <c>dotnet test</c> start-up) and runs the kata categories it is asked for.
/// Verdicts go to the host over a pipe opened before any kata code loads (<see cref="WorkerMessage"/>), one message
/// per test start and per result, never through stdout or files. The host (<see cref="WorkerHost"/>,
/// <see cref="WarmWorker"/>) owns time limits and crashes and counts a test as passed only on its "result" message.
/// </summary>
public static class Worker
{
    public const string Verb = "__worker";
    /// <summary>The long-lived worker of <c>watch</c>: one <see cref="WorkerRequest"/> line on stdin per run.</summary>
    public const string ServeVerb = "__worker-serve";

    /// <summary>Arguments: tests.dll pipe-handle katas.dll-or-dash; the requests are stdin's lines, read to the end first.</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine($"usage: kata {Verb} <tests.dll> <pipe-handle> <Katas.dll|->  (requests on stdin)");
            return 2;
        }
        string testDll = Path.GetFullPath(args[0]), katasOverride = args[2];
        using var channel = new Channel(args[1]);
        // Every request is read before kata code loads: stdin is empty by the time a kata could read it.
        var requests = new List<WorkerRequest>();
        while (Console.In.ReadLine() is { } line) if (line.Length > 0) requests.Add(WorkerRequest.FromLine(line));
        // A fresh Katas.dll (watch builds only the katas project) wins over the copy beside the tests.
        var nunitAssembly = LoadNUnitBeside(testDll, katasOverride == "-" ? null : Path.GetFullPath(katasOverride));
        var nunit = new NUnitController(nunitAssembly, AssemblyLoadContext.Default.LoadFromAssemblyPath(testDll), "0-");
        foreach (var request in requests) nunit.Run(request, channel);
        return 0;
    }

    /// <summary>
    /// Arguments: tests.dll pipe-handle. Keeps NUnit, FsCheck and the substrate loaded and compiled between runs; each
    /// run loads the tests and the fresh Katas.dll into a new load context (Katas.dll from bytes, so the next compile
    /// can overwrite the file), which is what makes a re-test after a save take a fraction of a cold start.
    /// </summary>
    public static int Serve(string[] args)
    {
        string testDll = Path.GetFullPath(args[0]);
        using var channel = new Channel(args[1]);
        var nunit = LoadNUnitBeside(testDll, katasOverride: null);
        int run = 0;
        while (Console.In.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var request = WorkerRequest.FromLine(line);
            var context = new RunContext($"run {++run}", testDll, request.KatasDll!);
            new NUnitController(nunit, context.LoadFromAssemblyPath(testDll), $"{run}-").Run(request, channel);
        }
        return 0;
    }

    /// <summary>
    /// Lets the default load context find the test project's dependencies (NUnit, FsCheck, the substrate) beside the
    /// tests, Katas.dll from <paramref name="katasOverride"/> when given, and loads NUnit — which the runner does not reference.
    /// </summary>
    private static Assembly LoadNUnitBeside(string testDll, string? katasOverride)
    {
        string testDir = Path.GetDirectoryName(testDll)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name == "Katas" && katasOverride != null) return context.LoadFromAssemblyPath(katasOverride);
            string candidate = Path.Combine(testDir, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("nunit.framework"));
    }

    /// <summary>The pipe to the host; writes from NUnit's threads are serialised.</summary>
    private sealed class Channel(string handle) : IDisposable
    {
        private readonly StreamWriter _writer = new(new AnonymousPipeClientStream(PipeDirection.Out, handle)) { AutoFlush = true };

        public void Send(WorkerMessage message)
        {
            lock (_writer) _writer.WriteLine(message.ToLine());
        }

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>NUnit's FrameworkController, reached by reflection: the runner does not reference NUnit.</summary>
    private sealed class NUnitController
    {
        private readonly object _controller;
        private readonly Type _type;

        public NUnitController(Assembly nunit, Assembly tests, string idPrefix)
        {
            _type = nunit.GetType("NUnit.Framework.Api.FrameworkController", throwOnError: true)!;
            _controller = Activator.CreateInstance(_type, tests, idPrefix, new Hashtable())!;
            _type.GetMethod("LoadTests", Type.EmptyTypes)!.Invoke(_controller, null);
        }

        /// <summary>Lists the category's tests, then runs those not skipped, reporting each start and result.</summary>
        public void Run(WorkerRequest request, Channel channel)
        {
            string category = request.VisibleOnly
                ? $"<and><cat>{Escape(request.Category)}</cat><not><cat>{Grading.HiddenTests.Folder}</cat></not></and>"
                : $"<cat>{Escape(request.Category)}</cat>";
            string explored = (string)_type.GetMethod("ExploreTests", [typeof(string)])!.Invoke(_controller, [$"<filter>{category}</filter>"])!;
            var names = XDocument.Parse(explored).Descendants("test-case")
                .Select(t => new WorkerTestName((string?)t.Attribute("name") ?? "?", (string?)t.Attribute("fullname") ?? "?")).ToList();
            channel.Send(new WorkerMessage(WorkerMessage.TestsKind, request.Category, Tests: names));
            string skip = request.Skip.Count == 0 ? "" : $"<not><or>{string.Concat(request.Skip.Select(s => $"<test>{Escape(s)}</test>"))}</or></not>";
            string filter = skip.Length == 0 ? $"<filter>{category}</filter>" : $"<filter><and>{category}{skip}</and></filter>";
            Action<string> onEvent = report => Forward(report, request.Category, channel);
            _type.GetMethod("RunTests", [typeof(Action<string>), typeof(string)])!.Invoke(_controller, [onEvent, filter]);
            channel.Send(new WorkerMessage(WorkerMessage.DoneKind, request.Category));
        }

        /// <summary>NUnit reports each event as an XML string; only test starts and test results matter to the host.</summary>
        private static void Forward(string report, string category, Channel channel)
        {
            if (report.StartsWith("<start-test", StringComparison.Ordinal))
                channel.Send(new WorkerMessage(WorkerMessage.StartKind, category, FullName: (string?)XElement.Parse(report).Attribute("fullname") ?? ""));
            else if (report.StartsWith("<test-case", StringComparison.Ordinal))
                channel.Send(new WorkerMessage(WorkerMessage.ResultKind, category, FullName: (string?)XElement.Parse(report).Attribute("fullname") ?? "", Xml: report));
        }

        private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
    }

    /// <summary>One run's assemblies: the tests and Katas are fresh, everything else is shared with the warm process.</summary>
    private sealed class RunContext(string name, string testDll, string katasDll) : AssemblyLoadContext(name)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name == "Katas")
            {
                string pdb = Path.ChangeExtension(katasDll, ".pdb");
                using var image = new MemoryStream(File.ReadAllBytes(katasDll));
                using var symbols = File.Exists(pdb) ? new MemoryStream(File.ReadAllBytes(pdb)) : null;
                return LoadFromStream(image, symbols);
            }
            return assemblyName.Name == Path.GetFileNameWithoutExtension(testDll) ? LoadFromAssemblyPath(testDll) : null;
        }
    }
}
