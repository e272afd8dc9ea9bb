namespace LineCrm.Events;

/// <summary>A customer event as it sits in an <see cref="ICustomerEventLog"/>: its envelope and its place in the log.</summary>
/// <param name="Position">Its position in the log: at least 1, strictly increasing in append order, possibly with gaps.</param>
/// <param name="Envelope">The event and its id.</param>
public sealed record LoggedCustomerEvent(long Position, CustomerEventEnvelope Envelope);
