using LineCrm.Testing;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>The package's copies of LINE's OpenAPI documents are the reference copies in ../shared, byte for byte.</summary>
public sealed class EmbeddedDocumentTests
{
    [Theory]
    [InlineData("messaging-api.yml")]
    [InlineData("manage-audience.yml")]
    [InlineData("insight.yml")]
    [InlineData("channel-access-token.yml")]
    public void Each_embedded_document_is_the_shared_copy(string name)
    {
        var shared = File.ReadAllBytes(SharedData.Require("line-openapi/" + name));
        using var stream = typeof(FakeLineServer).Assembly.GetManifestResourceStream("LineCrm.Messaging.Testing.OpenApi." + name);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.True(shared.AsSpan().SequenceEqual(copy.ToArray()), $"{name} differs from ../shared/line-openapi/{name}: refresh src/LineCrm.Messaging.Testing/OpenApi.");
    }

    [Fact]
    public void The_licence_beside_the_copies_is_LINEs()
    {
        var shared = File.ReadAllText(SharedData.Require("line-openapi/LICENSE"));
        var copy = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot()!, "src", "LineCrm.Messaging.Testing", "OpenApi", "LICENSE"));

        Assert.Equal(shared, copy);
        Assert.Contains("Apache License", copy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_platform_is_the_four_shared_documents_operation_for_operation()
    {
        var shared = LineOpenApiDocument.Combine(LineOpenApiDocument.EmbeddedDocuments
            .Select(name => LineOpenApiDocument.Load(SharedData.Require("line-openapi/" + name))));

        var embedded = LineOpenApiDocument.LoadPlatform();

        Assert.Equal(shared.Operations, embedded.Operations);
        Assert.Equal(100, embedded.Operations.Count);
    }

    [Fact]
    public void An_unknown_embedded_name_is_refused_with_the_names_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => LineOpenApiDocument.LoadEmbedded("shop.yml"));

        Assert.Contains("'shop.yml'", error.Message, StringComparison.Ordinal);
        Assert.Contains("messaging-api.yml", error.Message, StringComparison.Ordinal);
    }
}
