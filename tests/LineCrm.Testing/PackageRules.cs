using System.Reflection;
using Xunit;

namespace LineCrm.Testing;

/// <summary>
/// The dependency rules of ARCHITECTURE.md, checked on the compiled assemblies: a package may reference only the
/// LineCrm packages and third-party assemblies it is allowed to.
/// </summary>
public static class PackageRules
{
    /// <summary>Fails when <paramref name="assembly"/> references a LineCrm assembly outside <paramref name="allowedLineCrm"/>.</summary>
    public static void AssertReferencesOnly(Assembly assembly, params string[] allowedLineCrm)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var forbidden = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("LineCrm.", StringComparison.Ordinal) && !allowedLineCrm.Contains(name))
            .ToList();
        Assert.True(forbidden.Count == 0, $"{assembly.GetName().Name} must not reference {string.Join(", ", forbidden)} (see ARCHITECTURE.md).");
    }

    /// <summary>Fails when <paramref name="assembly"/> references anything outside the BCL and <paramref name="allowedPrefixes"/>.</summary>
    public static void AssertThirdPartyOnly(Assembly assembly, params string[] allowedPrefixes)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        string[] bcl = ["System", "Microsoft.Win32", "netstandard", "mscorlib"];
        var outside = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !name.StartsWith("LineCrm.", StringComparison.Ordinal))
            .Where(name => !bcl.Any(p => name == p || name.StartsWith(p + ".", StringComparison.Ordinal)))
            .Where(name => !allowedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        Assert.True(outside.Count == 0, $"{assembly.GetName().Name} must not reference {string.Join(", ", outside)} (see ARCHITECTURE.md).");
    }
}
