using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Pnp;

/// <summary>The LINE notification message (PNP) operations for the shared pipeline.</summary>
internal static class PnpOperations
{
    // LINE takes X-Line-Retry-Key only on push, multicast, narrowcast and broadcast (it answers 400 elsewhere), so a
    // PNP send has no way to be deduplicated: retried only when LINE surely did not act on it.
    public static readonly LineOperationInfo Push = new("pushMessagesByPhone", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo Statistics = new("getPNPMessageStatistics", HttpMethod.Get);
}
