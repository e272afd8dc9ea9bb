using System.Text;
using System.Text.Json;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Extensions;
using LineCrm.Testing;

namespace LineCrm.Segmentation.Tests.Expressions.Conformance;

/// <summary>
/// Runs the CEL conformance suite: one test per JSON file, each reporting how many of its tests passed and
/// listing every failure with the expected and actual result. The core files are in <c>CEL_CONFORMANCE_DIR</c>
/// when set (so any other part of the suite in the same format runs the same way), else
/// <c>../shared/cel/conformance</c>; the extension libraries' files in <c>CEL_EXTENSIONS_DIR</c>, else
/// <c>../shared/cel/extensions</c>. In either folder a file named after an extension suite (cel-spec's
/// <c>string_ext</c>, <c>math_ext</c>...) runs with that library enabled, as a user enables it.
/// </summary>
public sealed class ConformanceTests
{
    private const string DirectoryVariable = "CEL_CONFORMANCE_DIR";
    private const string ExtensionsDirectoryVariable = "CEL_EXTENSIONS_DIR";
    private const string MissingFolder = "(conformance folder not found)";

    /// <summary>Which library each of cel-spec's extension suites tests (its environment in cel-go's runner).</summary>
    private static readonly Dictionary<string, ICelLibrary[]> LibrariesByFile = new(StringComparer.Ordinal)
    {
        ["string_ext.json"] = [CelExtensions.Strings],
        ["math_ext.json"] = [CelExtensions.Math],
        ["bindings_ext.json"] = [CelExtensions.Bindings],
        ["encoders_ext.json"] = [CelExtensions.Encoders],
        ["optionals.json"] = [CelExtensions.Optionals],
        ["macros2.json"] = [CelExtensions.TwoVariableComprehensions],
        ["lists_ext.json"] = [CelExtensions.Lists],
        ["sets_ext.json"] = [CelExtensions.Sets],
    };

    public static TheoryData<string> Files() => FilesIn(FolderOrNull(DirectoryVariable, "conformance"));

    public static TheoryData<string> ExtensionFiles() => FilesIn(FolderOrNull(ExtensionsDirectoryVariable, "extensions"));

    [Theory]
    [MemberData(nameof(Files))]
    public void Conformance_file_passes(string file) => RunFile(DirectoryVariable, "conformance", file);

    [Theory]
    [MemberData(nameof(ExtensionFiles))]
    public void Extension_conformance_file_passes(string file)
    {
        Assert.True(file == MissingFolder || LibrariesByFile.ContainsKey(file), $"{file} is not a known extension suite: add its library to LibrariesByFile.");
        RunFile(ExtensionsDirectoryVariable, "extensions", file);
    }

    private static TheoryData<string> FilesIn(string? folder)
    {
        var data = new TheoryData<string>();
        if (folder is null || !Directory.Exists(folder))
        {
            data.Add(MissingFolder);
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static void RunFile(string variable, string sharedFolder, string file)
    {
        var folder = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured
            ? configured
            : SharedData.Require("cel/" + sharedFolder);
        var libraries = LibrariesByFile.GetValueOrDefault(file, []);
        Assert.True(file != MissingFolder && Directory.Exists(folder), $"No conformance folder at {folder}.");

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
        var failures = new List<string>();
        var passed = 0;
        foreach (var section in document.RootElement.GetProperty("section").EnumerateArray())
        {
            if (!section.TryGetProperty("test", out var tests))
            {
                continue;
            }

            foreach (var test in tests.EnumerateArray())
            {
                var name = $"{section.GetProperty("name").GetString()}/{test.GetProperty("name").GetString()}";
                string? failure;
                try
                {
                    failure = Run(test, libraries);
                }
                catch (NotSupportedException e)
                {
                    // A test that needs a type or value encoding outside the core language (a protobuf message)
                    // counts as a failure with the reason, instead of stopping the whole file.
                    failure = "not supported by this runner: " + e.Message;
                }

                if (failure is null)
                {
                    passed++;
                }
                else
                {
                    failures.Add($"{name}: {failure}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {passed} passed, {failures.Count} failed");
        var report = new StringBuilder($"{file}: {passed} passed, {failures.Count} failed");
        foreach (var failure in failures)
        {
            report.AppendLine().Append("  ").Append(failure);
        }

        Assert.True(failures.Count == 0, report.ToString());
    }

    private static string? FolderOrNull(string variable, string sharedFolder)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        return SharedData.Root() is { } root ? Path.Combine(root, "cel", sharedFolder) : null;
    }

    /// <summary>Runs one conformance test; null when it passes, else what went wrong.</summary>
    private static string? Run(JsonElement test, ICelLibrary[] libraries)
    {
        var expression = test.GetProperty("expr").GetString()!;
        var environment = CelEnvironment.Create().WithLibraries(libraries);
        if (test.TryGetProperty("type_env", out var typeEnvironment))
        {
            foreach (var declaration in typeEnvironment.EnumerateArray())
            {
                if (declaration.TryGetProperty("ident", out var ident))
                {
                    environment = environment.WithVariable(
                        declaration.GetProperty("name").GetString()!, ConformanceJson.Type(ident.GetProperty("type")));
                }
            }
        }

        var bindings = new Dictionary<string, object>(StringComparer.Ordinal);
        if (test.TryGetProperty("bindings", out var bindingList))
        {
            foreach (var binding in bindingList.EnumerateArray())
            {
                bindings[binding.GetProperty("key").GetString()!] =
                    ConformanceJson.Value(binding.GetProperty("value").GetProperty("value"));
            }
        }

        var expectError = test.TryGetProperty("eval_error", out var expectedError);
        // A test with neither a value nor an error expects true, as cel-spec's SimpleTest does.
        var expected = test.TryGetProperty("value", out var expectedValue) ? ConformanceJson.Value(expectedValue) : expectError ? null : true;
        var disableCheck = test.TryGetProperty("disable_check", out var disable) && disable.GetBoolean();
        object actual;
        try
        {
            var parsed = environment.Parse(expression);
            var activation = new Activation(bindings);
            actual = disableCheck
                ? Interpreter.Evaluate(parsed, environment.Declarations, activation, environment.Limits)
                : Interpreter.Evaluate(environment.Check(parsed), activation, environment.Limits);
        }
        catch (CelException e)
        {
            return $"expected {Describe(expectError, expected, expectedError)} but got {e.GetType().Name}: {e.Message}";
        }

        if (expectError)
        {
            return actual is CelError ? null : $"expected an error ({Describe(true, null, expectedError)}) but got {Show(actual)}";
        }

        if (actual is CelError error)
        {
            return $"expected {Show(expected!)} but got error {error}";
        }

        return expected is not null && StrictValueComparer.AreSame(expected, actual)
            ? null
            : $"expected {Show(expected!)} but got {Show(actual)}";
    }

    private static string Describe(bool expectError, object? expected, JsonElement error) =>
        expectError ? "error '" + error.GetProperty("errors")[0].GetProperty("message").GetString() + "'" : Show(expected!);

    private static string Show(object value) => $"{CelValueFormatter.Format(value)} ({CelValueTypes.TypeName(value)})";
}
