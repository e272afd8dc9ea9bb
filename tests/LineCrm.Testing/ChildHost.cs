using System.Diagnostics;
using System.Reflection;

namespace LineCrm.Testing;

/// <summary>
/// A crash test's child process: a built host assembly (named by an <see cref="AssemblyMetadataAttribute"/> of the
/// test assembly, since the host is built beside it and never loaded) run with <c>dotnet</c>, its output redirected.
/// </summary>
public static class ChildHost
{
    /// <summary>The host assembly's path, from the test assembly's metadata entry <paramref name="key"/>.</summary>
    public static string PathOf(Assembly testAssembly, string key)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var path = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return Path.GetFullPath(path);
    }

    /// <summary>How to start the host at <paramref name="hostPath"/> with <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo StartInfo(string hostPath, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
