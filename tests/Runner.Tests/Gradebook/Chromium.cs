using System.Diagnostics;
using NUnit.Framework;

namespace RunnerTests.Gradebook;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package) for tests that look at a page as a user would: the DOM after
/// scripts ran, and a screenshot. Missing Chromium fails the test under CI=true (CI installs it) and skips it elsewhere.
/// </summary>
internal static class Chromium
{
    public static string Require()
    {
        string? found = new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        if (found != null) return found;
        const string why = "headless Chromium is not installed (apt-get install -y chromium)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(why + "; CI must install it (.ci/run)");
        Assert.Ignore(why);
        return "";
    }

    /// <summary>Runs Chromium on a local page with no network, no profile and no background services; returns stdout.</summary>
    public static string Run(string chromium, string page, params string[] action)
    {
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var info = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                         "--window-size=1400,1000", .. action, new Uri(page).AbsoluteUri])
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(entireProcessTree: true); Assert.Fail("chromium did not finish within 2 minutes"); }
            Assert.That(process.ExitCode, Is.Zero, "chromium failed: " + stderr.Result);
            return stdout;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
