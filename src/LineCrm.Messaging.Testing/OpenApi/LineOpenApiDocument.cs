using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// The parts of one of LINE's OpenAPI documents the fake server needs: every operation (method, path, host, request
/// body schema, success status) and the component schemas. LINE's platform documents ship inside this package
/// (<see cref="LoadPlatform"/>); <see cref="Load(string)"/> reads another copy, such as a newer one from
/// <c>line/line-openapi</c>.
/// </summary>
public sealed class LineOpenApiDocument
{
    private const string ResourcePrefix = "LineCrm.Messaging.Testing.OpenApi.";

    private LineOpenApiDocument(IReadOnlyList<LineOpenApiOperation> operations, JsonObject schemas)
    {
        Operations = operations;
        Schemas = schemas;
    }

    /// <summary>
    /// The documents embedded in this package, unchanged from <c>line/line-openapi</c> (Apache-2.0): the operations
    /// the LineCrm client covers. <see cref="LoadPlatform"/> plays all of them.
    /// </summary>
    public static IReadOnlyList<string> EmbeddedDocuments { get; } =
        ["messaging-api.yml", "manage-audience.yml", "insight.yml", "channel-access-token.yml"];

    /// <summary>Every operation in document order.</summary>
    public IReadOnlyList<LineOpenApiOperation> Operations { get; }

    /// <summary><c>components.schemas</c>, converted from YAML to JSON; read by the request validator only.</summary>
    internal JsonObject Schemas { get; }

    /// <summary>The embedded documents of <see cref="EmbeddedDocuments"/> as one (what the fake plays by default).</summary>
    public static LineOpenApiDocument LoadPlatform() => Combine(EmbeddedDocuments.Select(LoadEmbedded));

    /// <summary>One of the <see cref="EmbeddedDocuments"/>, by file name.</summary>
    /// <param name="name">For example <c>messaging-api.yml</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not embedded.</exception>
    public static LineOpenApiDocument LoadEmbedded(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var stream = typeof(LineOpenApiDocument).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new ArgumentException(
                $"'{name}' is not one of the embedded documents ({string.Join(", ", EmbeddedDocuments)}).", nameof(name));
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    /// <summary>Reads a document from a YAML file.</summary>
    /// <param name="path">The file, for example a checkout of <c>line/line-openapi</c>'s <c>messaging-api.yml</c>.</param>
    public static LineOpenApiDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = File.OpenText(path);
        return Load(reader);
    }

    /// <summary>Reads a document from YAML text.</summary>
    /// <param name="reader">The YAML (or JSON, which is YAML too).</param>
    public static LineOpenApiDocument Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (JsonObject)ToJson(stream.Documents[0].RootNode)!;
        var operations = new List<LineOpenApiOperation>();
        foreach (var (pathTemplate, pathItem) in root["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in pathItem!.AsObject())
            {
                if (operationNode is not JsonObject operation || operation["operationId"] is null)
                {
                    continue; // path-level "parameters"
                }

                operations.Add(new LineOpenApiOperation(
                    (string)operation["operationId"]!,
                    method.ToUpperInvariant(),
                    pathTemplate,
                    IsDataHost(operation) ? FakeLineHost.Data : FakeLineHost.Api,
                    RequestSchemaReference(operation),
                    SuccessStatus(operation))
                {
                    // The channel-token endpoints declare no security: they take credentials in the body instead.
                    Anonymous = root["security"] is null && operation["security"] is null,
                });
            }
        }

        return new LineOpenApiDocument(operations, root["components"]?["schemas"]?.AsObject() ?? []);
    }

    /// <summary>
    /// One document holding the operations of several (LINE splits its platform into messaging-api.yml,
    /// manage-audience.yml, insight.yml and channel-access-token.yml). Schemas of the same name keep the first
    /// document's; across LINE's documents only the error shapes repeat, and no request body uses them.
    /// </summary>
    public static LineOpenApiDocument Combine(params IEnumerable<LineOpenApiDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var operations = new List<LineOpenApiOperation>();
        var schemas = new JsonObject();
        foreach (var document in documents)
        {
            operations.AddRange(document.Operations);
            foreach (var (name, schema) in document.Schemas)
            {
                if (!schemas.ContainsKey(name))
                {
                    schemas[name] = schema?.DeepClone();
                }
            }
        }

        return new LineOpenApiDocument(operations, schemas);
    }

    private static bool IsDataHost(JsonObject operation) =>
        operation["servers"] is JsonArray servers
        && servers.Any(server => ((string?)server?["url"])?.Contains("api-data", StringComparison.Ordinal) == true);

    private static string? RequestSchemaReference(JsonObject operation) =>
        (string?)operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"];

    private static int SuccessStatus(JsonObject operation) =>
        operation["responses"] is JsonObject responses
            ? responses.Select(response => int.TryParse(response.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0)
                .Where(code => code is >= 200 and < 300)
                .DefaultIfEmpty(200)
                .Min()
            : 200;

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(child =>
            KeyValuePair.Create(((YamlScalarNode)child.Key).Value!, ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return JsonValue.Create(number);
            }

            if (text is "true" or "false")
            {
                return JsonValue.Create(text == "true");
            }

            if (text is "null" or "~")
            {
                return null;
            }
        }

        return JsonValue.Create(text);
    }
}
