namespace LineCrm.Messaging.Testing;

/// <summary>
/// Registers the fake's behaviour for the platform operations beyond sending, one file per resource group. An
/// operation missing from the route table (a fake built from one document only) is skipped.
/// </summary>
internal static class FakeLinePlatformHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        FakeLineTokenHandlers.Register(routes);
        FakeLineAudienceHandlers.Register(routes);
        FakeLineInsightHandlers.Register(routes);
        FakeLineChatHandlers.Register(routes);
        FakeLineWebhookEndpointHandlers.Register(routes);
        FakeLineAggregationUnitHandlers.Register(routes);
        FakeLineRichMenuHandlers.Register(routes);
        FakeLineContentHandlers.Register(routes);
        FakeLineMembershipHandlers.Register(routes);
        FakeLineCouponHandlers.Register(routes);
        FakeLinePnpHandlers.Register(routes);
    }

    /// <summary>Sets a handler when the document has the operation.</summary>
    public static void HandleIfPresent(this FakeLineRouteTable routes, string operationId, FakeLineHandler handler)
    {
        if (routes.Routes.Any(route => route.Operation.OperationId == operationId))
        {
            routes.Handle(operationId, handler);
        }
    }
}
