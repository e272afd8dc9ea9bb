using System.Globalization;
using System.Text.Json;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Tests.Expressions.Conformance;

/// <summary>Reads the conformance suite's JSON encoding of CEL types and values (format in ../shared/cel/README.md).</summary>
internal static class ConformanceJson
{
    public static CelType Type(JsonElement type)
    {
        if (type.TryGetProperty("primitive", out var primitive))
        {
            return primitive.GetString() switch
            {
                "INT64" => CelType.Int,
                "UINT64" => CelType.Uint,
                "DOUBLE" => CelType.Double,
                "STRING" => CelType.String,
                "BYTES" => CelType.Bytes,
                "BOOL" => CelType.Bool,
                var other => throw new NotSupportedException($"primitive type {other}"),
            };
        }

        if (type.TryGetProperty("list_type", out var list))
        {
            return CelType.List(Type(list.GetProperty("elem_type")));
        }

        if (type.TryGetProperty("map_type", out var map))
        {
            return CelType.Map(Type(map.GetProperty("key_type")), Type(map.GetProperty("value_type")));
        }

        if (type.TryGetProperty("well_known", out var wellKnown))
        {
            return wellKnown.GetString() switch
            {
                "TIMESTAMP" => CelType.Timestamp,
                "DURATION" => CelType.Duration,
                _ => CelType.Dyn,
            };
        }

        if (type.TryGetProperty("null", out _))
        {
            return CelType.Null;
        }

        return CelType.Dyn;
    }

    public static object Value(JsonElement value)
    {
        var property = value.EnumerateObject().Single();
        var content = property.Value;
        return property.Name switch
        {
            "int64_value" => long.Parse(content.GetString()!, CultureInfo.InvariantCulture),
            "uint64_value" => ulong.Parse(content.GetString()!, CultureInfo.InvariantCulture),
            "double_value" => content.ValueKind == JsonValueKind.String
                ? content.GetString() switch
                {
                    "NaN" => double.NaN,
                    "Infinity" => double.PositiveInfinity,
                    "-Infinity" => double.NegativeInfinity,
                    var other => double.Parse(other!, CultureInfo.InvariantCulture),
                }
                : content.GetDouble(),
            "string_value" => content.GetString()!,
            "bytes_value" => new CelBytes([.. Convert.FromBase64String(content.GetProperty("$bytes").GetString()!)]),
            "bool_value" => content.GetBoolean(),
            "null_value" => CelNull.Value,
            "list_value" => new CelList(content.TryGetProperty("values", out var values)
                ? [.. values.EnumerateArray().Select(Value)]
                : []),
            "map_value" => CelMap.Create(content.TryGetProperty("entries", out var entries)
                ? entries.EnumerateArray().Select(e => new KeyValuePair<object, object>(Value(e.GetProperty("key")), Value(e.GetProperty("value"))))
                : []),
            "type_value" => new CelTypeValue(content.GetString()!),
            _ => throw new NotSupportedException($"value kind {property.Name}"),
        };
    }
}
