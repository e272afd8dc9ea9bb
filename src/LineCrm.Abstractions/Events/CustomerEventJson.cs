using System.Text.Json;
using LineCrm.Identity;

namespace LineCrm.Events;

/// <summary>
/// The one JSON form of customer events that every event log stores, so that the same event is the same bytes in
/// SQLite, PostgreSQL or a file. Identifiers are their text form (<c>line:U…</c>), open-set values (channels, kinds,
/// sources) their names, money a JSON number with its scale kept (<c>1200.50</c>) next to its currency, times
/// ISO 8601 with their offset, and a <c>type</c> field (<c>purchase</c>, <c>interaction</c>, <c>identity_link</c>)
/// comes first.
/// </summary>
/// <remarks>New optional fields may be added in later versions; readers ignore fields they do not know.</remarks>
public static class CustomerEventJson
{
    /// <summary>Writes an event as UTF-8 JSON.</summary>
    /// <param name="event">A <see cref="Purchase"/>, an <see cref="Interaction"/> or an <see cref="IdentityLink"/>.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="NotSupportedException">The event is of another type, which has no stored form.</exception>
    public static byte[] SerializeToUtf8Bytes(ICustomerEvent @event) =>
        JsonSerializer.SerializeToUtf8Bytes(StoredEvent.Of(@event), StoredEventJsonContext.Default.StoredEvent);

    /// <summary>Writes an event as JSON text.</summary>
    /// <param name="event">A <see cref="Purchase"/>, an <see cref="Interaction"/> or an <see cref="IdentityLink"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="NotSupportedException">The event is of another type, which has no stored form.</exception>
    public static string Serialize(ICustomerEvent @event) =>
        JsonSerializer.Serialize(StoredEvent.Of(@event), StoredEventJsonContext.Default.StoredEvent);

    /// <summary>Reads an event written by <see cref="SerializeToUtf8Bytes"/> or <see cref="Serialize"/>.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The JSON is not a stored event, or a field is missing or invalid; the message
    /// names the field.</exception>
    public static ICustomerEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return ToEvent(JsonSerializer.Deserialize(utf8Json, StoredEventJsonContext.Default.StoredEvent));
        }
        catch (NotSupportedException e)
        {
            throw UnknownType(e);
        }
    }

    /// <summary>Reads an event written by <see cref="SerializeToUtf8Bytes"/> or <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The JSON is not a stored event, or a field is missing or invalid; the message
    /// names the field.</exception>
    public static ICustomerEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return ToEvent(JsonSerializer.Deserialize(json, StoredEventJsonContext.Default.StoredEvent));
        }
        catch (NotSupportedException e)
        {
            throw UnknownType(e);
        }
    }

    // An unknown or missing "type" surfaces as NotSupportedException, because the stored form's base type is abstract.
    private static JsonException UnknownType(NotSupportedException e) =>
        new($"The JSON is not a stored customer event: its first field must be \"type\" with purchase, interaction or identity_link ({e.Message})", e);

    private static ICustomerEvent ToEvent(StoredEvent? stored)
    {
        if (stored is null)
        {
            throw new JsonException("The JSON is null, not a stored customer event.");
        }

        try
        {
            return stored.ToEvent();
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"The stored {stored.TypeName} has an invalid field: {e.Message}", e);
        }
    }

    internal static Identifier ParseIdentifier(string text, string field) =>
        Identifier.TryParse(text, null, out var identifier)
            ? identifier
            : throw new ArgumentException($"{field} '{text}' is not an identifier of the form type:value.", field);
}
