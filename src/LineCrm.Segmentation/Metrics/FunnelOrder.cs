namespace LineCrm.Segmentation.Metrics;

/// <summary>How the steps of a <see cref="Funnel{TEvent}"/> must be ordered in time.</summary>
public enum FunnelOrder
{
    /// <summary>Each step's event must come after the previous step's event (other events may happen in between).</summary>
    Strict,

    /// <summary>After the first step, the other steps may happen in any order, as long as all are within the window.</summary>
    Relaxed,
}
