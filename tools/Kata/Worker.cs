using System.Collections;
using System.Reflection;
using System.Runtime.Loader;

namespace Kata;

/// <summary>
/// The child process that runs tests (<c>Kata.dll __worker …</c>): it loads the compiled test assembly in-process
/// with NUnit's FrameworkController (no <c>dotnet test</c> start-up), runs one category at a time and writes each
/// category's NUnit result XML to a file. The parent (<see cref="WorkerHost"/>) owns time limits and crashes.
/// </summary>
public static class Worker
{
    public const string Verb = "__worker";
    /// <summary>Prefix of the progress lines the worker prints, so test output cannot be mistaken for them.</summary>
    public const string Marker = "@@kata-worker@@";

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
