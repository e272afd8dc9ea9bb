using LineCrm.Messaging.Client;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.DependencyInjection;

/// <summary>
/// Fails start-up when a registered channel has neither <see cref="LineMessagingOptions.ChannelAccessToken"/> nor a
/// keyed <see cref="ILineChannelTokenProvider"/>, instead of failing at the first resolve of its client. One instance
/// per channel, since only the container knows whether a provider is registered under the channel's name.
/// </summary>
internal sealed class LineChannelTokenValidator(string channelName, IServiceProviderIsKeyedService? keyedServices)
    : IValidateOptions<LineMessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, LineMessagingOptions options)
    {
        if ((name ?? Options.DefaultName) != channelName || options.ChannelAccessToken is not null)
        {
            return ValidateOptionsResult.Skip;
        }

        return keyedServices is null || keyedServices.IsKeyedService(typeof(ILineChannelTokenProvider), channelName)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(MissingTokenMessage(channelName));
    }

    internal static string MissingTokenMessage(string channelName) =>
        $"LINE channel '{channelName}' has no token: set LineMessagingOptions.ChannelAccessToken (configuration key "
        + $"ChannelAccessToken) or register a keyed {nameof(ILineChannelTokenProvider)} under '{channelName}'.";
}
