namespace LineCrm.Messaging.Http;

/// <summary>Retry keys (<c>X-Line-Retry-Key</c>): one UUID per logical send.</summary>
internal static class RetryKeys
{
    /// <summary>The caller's key, or a new random UUID (version 4, as LINE's examples use).</summary>
    /// <exception cref="ArgumentException">The caller passed <see cref="Guid.Empty"/>, which is not a usable key.</exception>
    public static Guid OrNew(Guid? retryKey) => retryKey switch
    {
        null => Guid.NewGuid(),
        { } key when key == Guid.Empty => throw new ArgumentException(
            "retryKey must not be Guid.Empty: pass null for a new key, or a key of your own.", nameof(retryKey)),
        { } key => key,
    };
}
