using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Stores;

/// <summary>What every engine's store object offers: the stores over one database, and opening it.</summary>
internal interface IStoreEngine
{
    ICustomerEventLog Events { get; }

    IWebhookInbox WebhookInbox { get; }

    IBulkSendCheckpointStore BulkSendCheckpoints { get; }

    IIdentityGraphStore IdentityGraph { get; }

    ValueTask InitializeAsync(CancellationToken cancellationToken);
}
