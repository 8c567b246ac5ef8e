using System.Collections;
using System.Reflection;
using System.Runtime.Loader;

namespace Kata;

/// <summary>
/// The child process that runs tests (<c>kata.dll __worker …</c>): it loads the compiled test assembly in-process
/// with NUnit's FrameworkController (no <c>dotnet test</c> start-up), runs one category at a time and writes each
/// category's NUnit result XML to a file. The parent (<see cref="WorkerHost"/>) owns time limits and crashes.
/// </summary>
public static class Worker
{
    public const string Verb = "__worker";
    /// <summary>The long-lived worker of <c>watch</c>: reads "category&lt;TAB&gt;Katas.dll&lt;TAB&gt;result.xml" lines from stdin.</summary>
    public const string ServeVerb = "__worker-serve";
    /// <summary>Prefix of the progress lines the worker prints, so test output cannot be mistaken for them.</summary>
    public const string Marker = "@@kata-worker@@";

    /// <summary>
    /// Arguments: test-dll. Keeps NUnit, FsCheck and the substrate loaded and compiled between runs; each run loads the
    /// tests and the fresh Katas.dll into a new load context (Katas.dll from bytes, so the next compile can overwrite
    /// the file), which is what makes a re-test after a save take a fraction of a cold start.
    /// </summary>
    public static int Serve(string[] args)
    {
        string testDll = Path.GetFullPath(args[0]), testDir = Path.GetDirectoryName(testDll)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string candidate = Path.Combine(testDir, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        var nunit = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("nunit.framework"));
        var controllerType = nunit.GetType("NUnit.Framework.Api.FrameworkController", throwOnError: true)!;
        int run = 0;
        while (Console.In.ReadLine() is { } line)
        {
            string[] parts = line.Split('\t');
            if (parts.Length != 3) continue;
            var context = new RunContext($"run {++run}", testDll, parts[1]);
            var tests = context.LoadFromAssemblyPath(testDll);
            object controller = Activator.CreateInstance(controllerType, tests, $"{run}-", new Hashtable { ["WorkDirectory"] = Path.GetDirectoryName(parts[2])! })!;
            controllerType.GetMethod("LoadTests", Type.EmptyTypes)!.Invoke(controller, null);
            string filter = $"<filter><cat>{System.Security.SecurityElement.Escape(parts[0])}</cat></filter>";
            string xml = (string)controllerType.GetMethod("RunTests", [typeof(string)])!.Invoke(controller, [filter])!;
            File.WriteAllText(parts[2], xml);
            Console.Out.WriteLine($"{Marker} done {parts[0]}");
            Console.Out.Flush();
        }
        return 0;
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

    /// <summary>Arguments: test-dll out-dir katas-dll-or-dash category…</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine($"usage: Kata {Verb} <tests.dll> <out-dir> <Katas.dll|-> <category>…");
            return 2;
        }
        string testDll = Path.GetFullPath(args[0]), outDir = args[1], katasOverride = args[2];
        string testDir = Path.GetDirectoryName(testDll)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            // A fresh Katas.dll (watch builds only the katas project) wins over the copy beside the tests.
            if (name.Name == "Katas" && katasOverride != "-") return context.LoadFromAssemblyPath(Path.GetFullPath(katasOverride));
            string candidate = Path.Combine(testDir, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        var tests = AssemblyLoadContext.Default.LoadFromAssemblyPath(testDll);
        var nunit = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("nunit.framework"));
        var controllerType = nunit.GetType("NUnit.Framework.Api.FrameworkController", throwOnError: true)!;
        IDictionary settings = new Hashtable { ["WorkDirectory"] = outDir };
        object controller = Activator.CreateInstance(controllerType, tests, "0-", settings)!;
        controllerType.GetMethod("LoadTests", Type.EmptyTypes)!.Invoke(controller, null);
        var runTests = controllerType.GetMethod("RunTests", [typeof(string)])!;
        Directory.CreateDirectory(outDir);
        foreach (string category in args.Skip(3))
        {
            Console.Out.WriteLine($"{Marker} start {category}");
            Console.Out.Flush();
            string filter = $"<filter><cat>{System.Security.SecurityElement.Escape(category)}</cat></filter>";
            string xml = (string)runTests.Invoke(controller, [filter])!;
            File.WriteAllText(Path.Combine(outDir, category + ".xml"), xml);
            Console.Out.WriteLine($"{Marker} done {category}");
            Console.Out.Flush();
        }
        return 0;
    }
}
