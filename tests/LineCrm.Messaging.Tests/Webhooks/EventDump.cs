using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>
/// Every public property of a parsed event, deeply, as text: two events read the same exactly when their dumps are
/// equal (record equality compares lists and dictionaries by reference, which would not do).
/// </summary>
internal static class EventDump
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case JsonElement e:
                text.Append(e.ValueKind == JsonValueKind.Undefined ? "undefined" : e.GetRawText());
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is DateTimeOffset or decimal or Enum:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool or Uri:
                text.Append(value);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                return;
        }

        var type = value.GetType();
        text.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                text.Append(property.Name).Append('=');
                Write(property.GetValue(value), text);
                text.Append(';');
            }
        }

        text.Append('}');
    }
}
