using LineCrm.Events;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>One valid row as both readers stream it: the event, plus what only the table keeps.</summary>
/// <param name="Event">The purchase with its idempotent id.</param>
/// <param name="Quantity">The row's quantity (number of items); 0 when the file has none.</param>
/// <param name="HasChannel">Whether the row named a channel (the event needs one and says web when it did not).</param>
internal readonly record struct OrderRow(CustomerEventEnvelope Event, int Quantity, bool HasChannel)
{
    public Purchase Purchase => (Purchase)Event.Event;
}
