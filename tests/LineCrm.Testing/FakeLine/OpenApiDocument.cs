using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace LineCrm.Testing.FakeLine;

/// <summary>
/// The parts of one of LINE's OpenAPI documents the fake server needs: every operation (method, path, host, request
/// body schema, success status) and the component schemas, as JSON nodes.
/// </summary>
public sealed class OpenApiDocument
{
    private OpenApiDocument(IReadOnlyList<OpenApiOperation> operations, JsonObject schemas)
    {
        Operations = operations;
        Schemas = schemas;
    }

    /// <summary>Every operation in document order.</summary>
    public IReadOnlyList<OpenApiOperation> Operations { get; }

    /// <summary><c>components.schemas</c>, converted from YAML to JSON.</summary>
    public JsonObject Schemas { get; }

    /// <summary>Reads a document from a YAML file.</summary>
    public static OpenApiDocument Load(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (JsonObject)ToJson(stream.Documents[0].RootNode)!;
        var operations = new List<OpenApiOperation>();
        foreach (var (pathTemplate, pathItem) in root["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in pathItem!.AsObject())
            {
                if (operationNode is not JsonObject operation || operation["operationId"] is null)
                {
                    continue; // path-level "parameters"
                }

                operations.Add(new OpenApiOperation(
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

        return new OpenApiDocument(operations, root["components"]?["schemas"]?.AsObject() ?? []);
    }

    /// <summary>
    /// One document holding the operations of several (LINE splits its platform into messaging-api.yml,
    /// manage-audience.yml, insight.yml and channel-access-token.yml). Schemas of the same name keep the first
    /// document's; across LINE's documents only the error shapes repeat, and no request body uses them.
    /// </summary>
    public static OpenApiDocument Combine(params IEnumerable<OpenApiDocument> documents)
    {
        var operations = new List<OpenApiOperation>();
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

        return new OpenApiDocument(operations, schemas);
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

/// <summary>One operation of the document.</summary>
/// <param name="OperationId">Its operationId.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path with <c>{parameters}</c>.</param>
/// <param name="Host">The host it is served on.</param>
/// <param name="RequestSchemaReference">The <c>$ref</c> of its JSON request body, if any.</param>
/// <param name="SuccessStatus">The lowest 2xx status it documents.</param>
public sealed record OpenApiOperation(
    string OperationId, string Method, string PathTemplate, FakeLineHost Host, string? RequestSchemaReference, int SuccessStatus)
{
    /// <summary>True when the operation takes no bearer token (the channel-token endpoints).</summary>
    public bool Anonymous { get; init; }
}

/// <summary>Which of LINE's hosts the fake plays.</summary>
public enum FakeLineHost
{
    /// <summary><c>api.line.me</c>.</summary>
    Api,

    /// <summary><c>api-data.line.me</c>.</summary>
    Data,
}
