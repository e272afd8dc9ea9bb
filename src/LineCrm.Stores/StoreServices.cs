using System.Diagnostics.CodeAnalysis;
using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LineCrm.Stores;

/// <summary>
/// The registration every engine's <c>AddLineCrm…Stores</c> makes: its options (validated at start-up), one store
/// object as a singleton, the store interfaces from it unless already registered, and its opening when the host starts.
/// </summary>
internal static class StoreServices
{
    public static IServiceCollection AddEngine<
        TStore,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        IServiceCollection services,
        Action<TOptions> configure,
        Func<IOptions<TOptions>, TimeProvider, TStore> create)
        where TStore : class, IStoreEngine
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => create(provider.GetRequiredService<IOptions<TOptions>>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICustomerEventLog>(provider => provider.GetRequiredService<TStore>().Events);
        services.TryAddSingleton<IWebhookInbox>(provider => provider.GetRequiredService<TStore>().WebhookInbox);
        services.TryAddSingleton<IBulkSendCheckpointStore>(provider => provider.GetRequiredService<TStore>().BulkSendCheckpoints);
        services.TryAddSingleton<IIdentityGraphStore>(provider => provider.GetRequiredService<TStore>().IdentityGraph);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StoreInitializer<TStore>>());
        return services;
    }

    /// <summary>Opens the store when the host starts, so a schema newer than the code stops the app there, not at its first webhook.</summary>
    private sealed class StoreInitializer<TStore>(TStore store) : IHostedService
        where TStore : IStoreEngine
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken).AsTask();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
