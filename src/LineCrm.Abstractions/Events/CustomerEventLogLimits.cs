namespace LineCrm.Events;

/// <summary>The limits every <see cref="ICustomerEventLog"/> applies, so callers can size their batches once.</summary>
public static class CustomerEventLogLimits
{
    /// <summary>The most events one <see cref="ICustomerEventLog.ReadAsync"/> returns.</summary>
    public const int MaxReadCount = 10_000;

    /// <summary>The most envelopes one <see cref="ICustomerEventLog.AppendAsync"/> accepts.</summary>
    public const int MaxAppendCount = 10_000;
}
