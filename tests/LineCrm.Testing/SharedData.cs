using Xunit;

namespace LineCrm.Testing;

/// <summary>
/// Finds the project's reference material in <c>../shared</c> (LINE's OpenAPI documents, the CEL conformance
/// tests, the CDNOW data). A user's clone has no <c>../shared</c>: tests that need it are skipped with a reason
/// that says so. CI sets <c>LINECRM_REQUIRE_SHARED=1</c>, and then a missing folder fails the test instead, so CI
/// always runs them. <c>LINECRM_SHARED_DIR</c> points somewhere else when the folder lives elsewhere.
/// </summary>
public static class SharedData
{
    /// <summary>Set to 1 (CI does) to turn a missing <c>../shared</c> from a skip into a failure.</summary>
    public const string RequireVariable = "LINECRM_REQUIRE_SHARED";

    /// <summary>Overrides where the shared folder is.</summary>
    public const string DirectoryVariable = "LINECRM_SHARED_DIR";

    /// <summary>
    /// The full path of <paramref name="relativePath"/> inside the shared folder. Skips the calling test when it
    /// is missing, or fails it when <see cref="RequireVariable"/> is set.
    /// </summary>
    /// <param name="relativePath">For example <c>line-openapi/messaging-api.yml</c> or <c>cel/conformance</c>.</param>
    public static string Require(string relativePath)
    {
        var root = Root();
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, relativePath));
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        var where = path ?? $"../shared/{relativePath} next to the repository";
        var message = $"Shared reference material is missing: {where}. It lives in ../shared beside the repository "
            + $"(or set {DirectoryVariable}).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(message + $" {RequireVariable}=1, so this is a failure, not a skip.");
        }

        Assert.Skip(message);
        return string.Empty; // Assert.Skip throws; this line is never reached.
    }

    /// <summary>The shared folder, or null when it cannot be found.</summary>
    public static string? Root()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        var repository = RepositoryRoot();
        if (repository is null)
        {
            return null;
        }

        var shared = Path.GetFullPath(Path.Combine(repository, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

    /// <summary>The repository's root (the folder with LineCrm.sln), found upwards from the test binaries.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LineCrm.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
