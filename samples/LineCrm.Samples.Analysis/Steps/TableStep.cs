using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>Step 3: the columnar tables the metrics read, numbered by resolved person.</summary>
internal static class TableStep
{
    public static (OrderTable Orders, FriendTable Friends) Build(AnalysisInput input, ResolvedPersons persons)
    {
        var orders = input.Orders.WithPersons(persons.MapCustomers(input.OrderCustomers), persons.Count);
        var friends = new FriendTableBuilder();
        foreach (var interaction in input.Interactions)
        {
            friends.Add(persons.NumberOf[interaction.Who], interaction);
        }

        // A person is linked when a LINE user id was tied to a member id (web member or store card).
        foreach (var link in input.Links)
        {
            if (link.From.Type == IdentifierType.LineUser || link.To.Type == IdentifierType.LineUser)
            {
                var line = link.From.Type == IdentifierType.LineUser ? link.From : link.To;
                friends.AddLink(persons.NumberOf[line], link.At);
            }
        }

        return (orders, friends.Build(persons.Count));
    }
}
