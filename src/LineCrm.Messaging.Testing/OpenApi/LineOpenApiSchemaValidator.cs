using System.Text.Json;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Checks a JSON request body against the schemas of an OpenAPI document, the way the fake LINE server needs it:
/// <c>$ref</c>, <c>allOf</c>, <c>type</c>, <c>required</c>, <c>properties</c>, <c>items</c>, <c>additionalProperties</c>,
/// item counts, string lengths, string <c>enum</c>s, and <c>discriminator</c> mappings (an unknown discriminator is an
/// error, as LINE rejects unknown message types). Formats are not checked. Errors name the JSON path, like LINE's
/// <c>details[].property</c>.
/// </summary>
internal sealed class LineOpenApiSchemaValidator(JsonObject schemas)
{
    /// <summary>Validates <paramref name="instance"/> against the schema <paramref name="reference"/> (<c>#/components/schemas/X</c>).</summary>
    /// <returns>The problems found, empty when valid.</returns>
    public IReadOnlyList<SchemaProblem> Validate(JsonElement instance, string reference)
    {
        var problems = new List<SchemaProblem>();
        ValidateNode(instance, Resolve(reference), string.Empty, problems, skipDiscriminator: false);
        return problems;
    }

    private JsonObject Resolve(string reference)
    {
        const string Prefix = "#/components/schemas/";
        var name = reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : reference;
        return schemas[name] as JsonObject ?? throw new InvalidOperationException($"Unknown schema {reference}.");
    }

    private void ValidateNode(JsonElement instance, JsonObject schema, string path, List<SchemaProblem> problems, bool skipDiscriminator)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            ValidateNode(instance, Resolve((string)reference!), path, problems, skipDiscriminator);
            return;
        }

        if (!skipDiscriminator && schema["discriminator"] is JsonObject discriminator && instance.ValueKind == JsonValueKind.Object)
        {
            var propertyName = (string)discriminator["propertyName"]!;
            if (!instance.TryGetProperty(propertyName, out var value) || value.ValueKind != JsonValueKind.String)
            {
                problems.Add(new(Join(path, propertyName), "must be specified"));
                return;
            }

            var mapped = discriminator["mapping"]?[value.GetString()!];
            if (mapped is null)
            {
                problems.Add(new(Join(path, propertyName), $"unknown value '{value.GetString()}'"));
                return;
            }

            // The mapped schema's allOf names this base again: do not dispatch twice.
            ValidateMapped(instance, Resolve((string)mapped!), path, problems);
            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                ValidateNode(instance, part!.AsObject(), path, problems, skipDiscriminator: true);
            }
        }

        ValidateOwn(instance, schema, path, problems);
    }

    private void ValidateMapped(JsonElement instance, JsonObject schema, string path, List<SchemaProblem> problems)
    {
        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                ValidateNode(instance, part!.AsObject(), path, problems, skipDiscriminator: true);
            }
        }

        ValidateOwn(instance, schema, path, problems);
    }

    private void ValidateOwn(JsonElement instance, JsonObject schema, string path, List<SchemaProblem> problems)
    {
        var type = (string?)schema["type"];
        if (type is not null && !HasType(instance, type))
        {
            problems.Add(new(path, $"must be of type {type}"));
            return;
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(instance, schema, path, problems);
                break;
            case JsonValueKind.Array:
                ValidateArray(instance, schema, path, problems);
                break;
            case JsonValueKind.String:
                ValidateString(instance.GetString()!, schema, path, problems);
                break;
            case JsonValueKind.Number:
                ValidateNumber(instance.GetDouble(), schema, path, problems);
                break;
        }
    }

    private void ValidateObject(JsonElement instance, JsonObject schema, string path, List<SchemaProblem> problems)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(node => (string)node!))
            {
                if (!instance.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    problems.Add(new(Join(path, name), "must be specified"));
                }
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var property in instance.EnumerateObject())
        {
            if (properties?[property.Name] is JsonObject propertySchema)
            {
                ValidateNode(property.Value, propertySchema, Join(path, property.Name), problems, skipDiscriminator: false);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                ValidateNode(property.Value, additional, Join(path, property.Name), problems, skipDiscriminator: false);
            }
        }
    }

    private void ValidateArray(JsonElement instance, JsonObject schema, string path, List<SchemaProblem> problems)
    {
        var count = instance.GetArrayLength();
        if (schema["minItems"] is JsonValue min && count < (long)min)
        {
            problems.Add(new(path, $"size must be at least {(long)min}"));
        }

        if (schema["maxItems"] is JsonValue max && count > (long)max)
        {
            problems.Add(new(path, $"size must be at most {(long)max}"));
        }

        if (schema["items"] is JsonObject items)
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                ValidateNode(item, items, $"{path}[{index++}]", problems, skipDiscriminator: false);
            }
        }
    }

    private static void ValidateString(string value, JsonObject schema, string path, List<SchemaProblem> problems)
    {
        // LINE counts characters as UTF-16 code units in most places; the fake does the same.
        if (schema["minLength"] is JsonValue min && value.Length < (long)min)
        {
            problems.Add(new(path, $"length must be at least {(long)min}"));
        }

        if (schema["maxLength"] is JsonValue max && value.Length > (long)max)
        {
            problems.Add(new(path, $"length must be at most {(long)max}"));
        }

        if (schema["enum"] is JsonArray values && !values.Any(allowed => allowed is JsonValue v && v.TryGetValue<string>(out var s) && s == value))
        {
            problems.Add(new(path, $"must be one of {string.Join(", ", values)}"));
        }
    }

    private static void ValidateNumber(double value, JsonObject schema, string path, List<SchemaProblem> problems)
    {
        if (schema["minimum"] is JsonValue min && value < Number(min))
        {
            problems.Add(new(path, $"must be at least {min}"));
        }

        if (schema["maximum"] is JsonValue max && value > Number(max))
        {
            problems.Add(new(path, $"must be at most {max}"));
        }
    }

    private static double Number(JsonValue value) =>
        value.TryGetValue<long>(out var integer) ? integer : value.GetValue<double>();

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetInt64(out _),
        "number" => instance.ValueKind == JsonValueKind.Number,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => true,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}

/// <summary>One schema violation.</summary>
/// <param name="Property">The JSON path, for example <c>messages[0].text</c>.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record SchemaProblem(string Property, string Message);
