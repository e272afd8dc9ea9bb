using System.Text;
using System.Text.Json;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Testing;

namespace LineCrm.Segmentation.Tests.Expressions.Conformance;

/// <summary>
/// Runs the CEL conformance suite: one test per JSON file, each reporting how many of its tests passed and
/// listing every failure with the expected and actual result. The folder is <c>CEL_CONFORMANCE_DIR</c> when set
/// (so any other part of the suite in the same format runs the same way), else <c>../shared/cel/conformance</c>.
/// </summary>
public sealed class ConformanceTests
{
    private const string DirectoryVariable = "CEL_CONFORMANCE_DIR";
    private const string MissingFolder = "(conformance folder not found)";

    public static TheoryData<string> Files()
    {
        var folder = FolderOrNull();
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

    [Theory]
    [MemberData(nameof(Files))]
    public void Conformance_file_passes(string file)
    {
        var folder = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : SharedData.Require("cel/conformance");
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
                    failure = Run(test);
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

    private static string? FolderOrNull()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        return SharedData.Root() is { } root ? Path.Combine(root, "cel", "conformance") : null;
    }

    /// <summary>Runs one conformance test; null when it passes, else what went wrong.</summary>
    private static string? Run(JsonElement test)
    {
        var expression = test.GetProperty("expr").GetString()!;
        var environment = CelEnvironment.Create();
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
        var expected = test.TryGetProperty("value", out var expectedValue) ? ConformanceJson.Value(expectedValue) : null;
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
