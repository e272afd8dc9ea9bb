using System.Text.Json;
using LineCrm.Messaging.Http;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Pnp;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>
    /// Sends a LINE notification message (PNP, a corporate option) to the LINE user registered with a phone number,
    /// friend or not. The number is sent hashed (SHA-256 of its E.164 form), never in clear. Not retried once the
    /// request may have reached LINE: LINE has no retry key for PNP, so a retry could deliver twice.
    /// </summary>
    /// <param name="phoneNumber">The recipient's number.</param>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="deliveryTag">
    /// 16 to 100 characters that LINE returns in the delivery-completion webhook (<c>delivery.data</c>), to match
    /// the event to this send; the hashed number is returned when null.
    /// </param>
    /// <param name="notificationDisabled">True to deliver without a push notification on the phone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A message or the delivery tag breaks a documented limit, or the number is not set; nothing was sent.</exception>
    /// <exception cref="LineApiException">LINE refused the send (422 when the number cannot be messaged).</exception>
    [LineOperation("pushMessagesByPhone")]
    public virtual async Task<LineResponse> PushMessagesByPhoneAsync(
        E164PhoneNumber phoneNumber,
        IReadOnlyList<Message> messages,
        string? deliveryTag = null,
        bool notificationDisabled = false,
        CancellationToken cancellationToken = default)
    {
        if (phoneNumber.Value is null)
        {
            throw new ArgumentException("phoneNumber is not set: use E164PhoneNumber.Parse.", nameof(phoneNumber));
        }

        MessageValidator.ValidateMessages(messages);
        if (deliveryTag is not null)
        {
            LineLimits.Length(deliveryTag, "X-Line-Delivery-Tag", PnpRules.DeliveryTagMinLength, PnpRules.DeliveryTagMaxLength);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new PnpMessagesRequest(phoneNumber.Sha256Hex(), messages) { NotificationDisabled = notificationDisabled ? true : null },
            LineJsonContext.Default.PnpMessagesRequest);
        KeyValuePair<string, string>[] headers = deliveryTag is null ? [] : [new(LineHeaders.DeliveryTag, deliveryTag)];
        var raw = await Transport.SendWithHeadersAsync(PnpOperations.Push, "bot/pnp/push", body, headers, cancellationToken).ConfigureAwait(false);
        return new LineResponse(raw.Status, raw.RequestId);
    }

    /// <summary>LINE notification messages sent on <paramref name="day"/> (a calendar day in Japan time, UTC+9, as LINE counts).</summary>
    /// <param name="day">The day; sent as <c>yyyyMMdd</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getPNPMessageStatistics")]
    public virtual Task<LineResponse<NumberOfMessagesResponse>> GetPnpMessageStatisticsAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        GetAsync(PnpOperations.Statistics, "v2/bot/message/delivery/pnp" + Query(("date", LineDates.Format(day))),
            LineJsonContext.Default.NumberOfMessagesResponse, cancellationToken);
}
