using System.Reflection;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tokens;
using LineCrm.Testing;

namespace LineCrm.Messaging.Tests.Client;

/// <summary>
/// Reads LINE's four platform OpenAPI documents and checks that every operationId has a client method (a method
/// carrying <see cref="LineOperationAttribute"/>), naming any that has none; issue 4's target is full coverage.
/// </summary>
public sealed class PlatformCoverageTests
{
    [Fact]
    public void Every_operation_of_the_four_documents_has_a_client_method()
    {
        var documented = LineOpenApiDocument.EmbeddedDocuments
            .SelectMany(name => LineOpenApiDocument.Load(SharedData.Require("line-openapi/" + name)).Operations)
            .Select(operation => operation.OperationId)
            .ToHashSet(StringComparer.Ordinal);
        var implemented = Implemented();

        var unknown = implemented.Except(documented).Order(StringComparer.Ordinal).ToArray();
        var missing = documented.Except(implemented).Order(StringComparer.Ordinal).ToArray();

        Assert.True(unknown.Length == 0, "Client methods name operationIds the documents do not have: " + string.Join(", ", unknown));
        Assert.True(missing.Length == 0, "Operations without a client method: " + string.Join(", ", missing));
        Assert.Equal(100, documented.Count);
    }

    [Fact]
    public void The_token_audience_and_insight_operations_are_all_implemented()
    {
        var implemented = Implemented();
        foreach (var name in (string[])["channel-access-token.yml", "manage-audience.yml", "insight.yml"])
        {
            var operations = LineOpenApiDocument.Load(SharedData.Require("line-openapi/" + name)).Operations.Select(o => o.OperationId);
            var missing = operations.Where(id => !implemented.Contains(id)).ToArray();
            Assert.True(missing.Length == 0, $"{name}: no client method for " + string.Join(", ", missing));
        }
    }

    private static HashSet<string> Implemented() =>
        new[] { typeof(LineMessagingClient), typeof(LineChannelTokenClient) }
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(method => method.GetCustomAttribute<LineOperationAttribute>()?.OperationId)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
