using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Stores;

/// <summary>What every engine's store object offers: the three stores over one database, and opening it.</summary>
internal interface IStoreEngine
{
    ICustomerEventLog Events { get; }

    IWebhookInbox WebhookInbox { get; }

    IBulkSendCheckpointStore BulkSendCheckpoints { get; }

    ValueTask InitializeAsync(CancellationToken cancellationToken);
}
