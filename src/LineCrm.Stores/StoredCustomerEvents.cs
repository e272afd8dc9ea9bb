using System.Text.Json;
using LineCrm.Events;

namespace LineCrm.Stores;

/// <summary>
/// Customer events to and from the bytes every engine stores (<see cref="CustomerEventJson"/>), with the errors the
/// <see cref="ICustomerEventLog"/> contract names, so that the engines agree on them too.
/// </summary>
internal static class StoredCustomerEvents
{
    /// <summary>Every event's bytes, made before anything is written, so that one with no stored form fails the whole call.</summary>
    /// <exception cref="NotSupportedException">An event is of a type <see cref="CustomerEventJson"/> cannot store.</exception>
    public static byte[][] Serialize(IReadOnlyList<CustomerEventEnvelope> events)
    {
        var bodies = new byte[events.Count][];
        for (var i = 0; i < bodies.Length; i++)
        {
            bodies[i] = CustomerEventJson.SerializeToUtf8Bytes(events[i].Event);
        }

        return bodies;
    }

    /// <summary>The envelope stored at <paramref name="position"/>.</summary>
    /// <exception cref="JsonException">The stored event cannot be read back; the message names its position and id.</exception>
    public static CustomerEventEnvelope ReadBack(long position, string eventId, byte[] body)
    {
        try
        {
            return new CustomerEventEnvelope(new CustomerEventId(eventId), CustomerEventJson.Deserialize(body));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            throw new JsonException($"The customer event at position {position} (id '{eventId}') cannot be read back: {exception.Message}", exception);
        }
    }
}
