using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>Custom facts in the member table: declaring them, setting and reading them, bad input, merges and forgetting.</summary>
public sealed class CustomFactTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(9));

    private static readonly FactSchema Schema = FactSchema.Default
        .WithScalar("loyaltyPoints", FactType.Int, "points on the loyalty card")
        .WithScalar("tier", FactType.String)
        .WithScalar("lastVisitAt", FactType.Timestamp)
        .WithList("pageViews", "PageView", [new FactField("at", FactType.Timestamp), new FactField("productId", FactType.String), new FactField("seconds", FactType.Int)]);

    [Fact]
    public void Declarations_list_the_built_in_facts_then_the_custom_ones_with_their_CEL_types()
    {
        Assert.All(FactSchema.Default.Facts, f => Assert.True(f.IsBuiltIn));
        Assert.False(FactSchema.Default.HasCustomFacts);
        var custom = Schema.Facts.Where(f => !f.IsBuiltIn).Select(f => (f.Name, f.CelTypeName)).ToArray();
        Assert.Equal([("loyaltyPoints", "int"), ("tier", "string"), ("lastVisitAt", "timestamp"), ("pageViews", "list(PageView)")], custom);
        Assert.Equal("points on the loyalty card", Schema.Find("loyaltyPoints")!.Description);
        Assert.Null(Schema.Find("nothing"));
    }

    [Theory]
    [InlineData("lastClickAt")] // built in
    [InlineData("loyaltyPoints")] // declared already
    [InlineData("now")]
    [InlineData("in")]
    [InlineData("2fast")]
    [InlineData("with-dash")]
    [InlineData("")]
    public void A_name_that_is_taken_reserved_or_not_an_identifier_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Schema.WithScalar(name, FactType.Int));
        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void A_record_type_must_be_new_and_its_fields_unique_and_present()
    {
        FactField[] fields = [new("at", FactType.Timestamp)];
        Assert.Equal("recordType", Assert.Throws<ArgumentException>(() => Schema.WithList("visits", "PageView", fields)).ParamName);
        Assert.Equal("recordType", Assert.Throws<ArgumentException>(() => Schema.WithList("visits", "Purchase", fields)).ParamName);
        Assert.Equal("fields", Assert.Throws<ArgumentException>(() => Schema.WithList("visits", "Visit", [])).ParamName);
        Assert.Equal("fields", Assert.Throws<ArgumentException>(() => Schema.WithList("visits", "Visit", [.. fields, .. fields])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Schema.WithScalar("odd", (FactType)99));
    }

    [Fact]
    public void Facts_set_on_a_person_read_back_and_clearing_one_leaves_the_others()
    {
        var table = new MemberTable(new IdentifierKeyedPersonResolver(), Schema);
        var person = table.Append(new Interaction(Identifier.WebMember("W1"), At, InteractionKind.FriendAdded));
        table.SetFact(person, "loyaltyPoints", 1200);
        table.SetFact(person, "tier", "gold");
        table.SetFact(person, "lastVisitAt", At);
        table.AppendRecord(person, "pageViews", new FactRecord().With("at", At).With("productId", "sku-1"));
        table.AppendRecord(person, "pageViews", new FactRecord().With("seconds", 40));
        table.ClearFact(person, "tier");

        Assert.True(table.TryGetFacts(person, out var facts));
        Assert.Equal(1200L, facts.Custom["loyaltyPoints"]);
        Assert.Equal(At.ToUniversalTime(), facts.Custom["lastVisitAt"]);
        Assert.False(facts.Custom.ContainsKey("tier"));
        var views = Assert.IsAssignableFrom<IReadOnlyList<FactRecord>>(facts.Custom["pageViews"]);
        Assert.Equal(2, views.Count);
        Assert.Equal("sku-1", views[0].Values["productId"]);
        Assert.Equal(0L, views[0].Values["seconds"]); // a field left out reads as its zero
        Assert.Equal(40L, views[1].Values["seconds"]);
        Assert.Equal(DateTimeOffset.UnixEpoch, views[1].Values["at"]);
    }

    [Fact]
    public void A_value_of_the_wrong_type_or_an_undeclared_name_is_refused_and_changes_nothing()
    {
        var table = new MemberTable(new IdentifierKeyedPersonResolver(), Schema);
        var person = table.Append(new Interaction(Identifier.WebMember("W1"), At, InteractionKind.FriendAdded));
        var version = table.ReadVersion();

        Assert.Contains("'loyaltyPoints' is a int", Assert.Throws<ArgumentException>(() => table.SetFact(person, "loyaltyPoints", "many")).Message);
        Assert.Contains("no scalar fact 'points'", Assert.Throws<ArgumentException>(() => table.SetFact(person, "points", 1)).Message);
        Assert.Contains("no scalar fact 'pageViews'", Assert.Throws<ArgumentException>(() => table.SetFact(person, "pageViews", 1)).Message);
        Assert.Contains("no list fact 'views'", Assert.Throws<ArgumentException>(() => table.AppendRecord(person, "views", new FactRecord())).Message);
        Assert.Contains("no field 'price'", Assert.Throws<ArgumentException>(() => table.AppendRecord(person, "pageViews", new FactRecord().With("price", 1.5))).Message);
        Assert.Contains("'seconds' of 'PageView' is a int", Assert.Throws<ArgumentException>(() => table.AppendRecord(person, "pageViews", new FactRecord().With("seconds", "long"))).Message);
        Assert.Contains("limit is 256", Assert.Throws<ArgumentException>(() => table.SetFact(person, "tier", new string('x', 257))).Message);

        Assert.Equal(version, table.ReadVersion());
        Assert.True(table.TryGetFacts(person, out var facts));
        Assert.False(facts.Custom.ContainsKey("loyaltyPoints"));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<FactRecord>>(facts.Custom["pageViews"]));
    }

    [Fact]
    public void A_merge_keeps_the_survivors_values_takes_the_ones_it_lacks_and_combines_records()
    {
        var table = new MemberTable(new IdentifierKeyedPersonResolver(), Schema);
        var survivor = table.Append(new Interaction(Identifier.WebMember("W1"), At, InteractionKind.FriendAdded));
        var absorbed = table.Append(new Interaction(Identifier.StoreCard("C1"), At, InteractionKind.FriendAdded));
        table.SetFact(survivor, "loyaltyPoints", 10);
        table.SetFact(absorbed, "loyaltyPoints", 99);
        table.SetFact(absorbed, "tier", "gold");
        table.AppendRecord(survivor, "pageViews", new FactRecord().With("productId", "a"));
        table.AppendRecord(absorbed, "pageViews", new FactRecord().With("productId", "b"));

        table.MergePersons(absorbed, survivor);

        Assert.True(table.TryGetFacts(survivor, out var facts));
        Assert.Equal(10L, facts.Custom["loyaltyPoints"]);
        Assert.Equal("gold", facts.Custom["tier"]);
        var views = (IReadOnlyList<FactRecord>)facts.Custom["pageViews"];
        Assert.Equal(["a", "b"], views.Select(v => (string)v.Values["productId"]));
        Assert.True(Segment.Compile("tier == 'gold' && size(pageViews) == 2", Schema).Includes(table, survivor, At));
    }

    [Fact]
    public void Forgetting_a_person_removes_their_custom_facts()
    {
        var table = new MemberTable(new IdentifierKeyedPersonResolver(), Schema);
        var person = table.Append(new Interaction(Identifier.WebMember("W1"), At, InteractionKind.FriendAdded));
        table.SetFact(person, "loyaltyPoints", 10);
        table.AppendRecord(person, "pageViews", new FactRecord().With("productId", "a"));
        var again = Identifier.WebMember("W1");

        Assert.True(table.Forget(person));
        var back = table.Append(new Interaction(again, At, InteractionKind.FriendAdded));
        Assert.True(table.TryGetFacts(back, out var facts));
        Assert.False(facts.Custom.ContainsKey("loyaltyPoints"));
        Assert.Empty((IReadOnlyList<FactRecord>)facts.Custom["pageViews"]);
    }

    [Fact]
    public void A_segment_runs_only_over_tables_that_lay_out_its_custom_facts_the_same_way()
    {
        var other = FactSchema.Default.WithScalar("tier", FactType.String).WithScalar("loyaltyPoints", FactType.Int);
        var table = new MemberTable(new IdentifierKeyedPersonResolver(), other);
        var person = table.Append(new Interaction(Identifier.WebMember("W1"), At, InteractionKind.FriendAdded));
        var segment = Segment.Compile("loyaltyPoints > 5", Schema);

        Assert.Equal("table", Assert.Throws<ArgumentException>(() => segment.Evaluate(table, At)).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentException>(() => segment.Includes(table, person, At)).ParamName);

        // Built-in facts only: any table will do.
        Assert.True(Segment.Compile("!blocked").Includes(table, person, At));
        Assert.True(Segment.Compile("loyaltyPoints == 0", other).Includes(table, person, At)); // unset reads as 0
    }

    [Fact]
    public void Tests_of_custom_columns_against_a_value_the_same_for_everybody_run_as_column_kernels()
    {
        var segment = Segment.Compile("loyaltyPoints >= 500 && size(pageViews) > 1 && lastVisitAt > now - days(3) && tier == 'gold'", Schema);
        Assert.True(segment.IsCompiled);
        Assert.Equal(3, segment.Program!.ColumnTestCount); // the string comparison runs as compiled code
    }

    [Fact]
    public void A_custom_fact_is_checked_like_any_other_name()
    {
        var error = Assert.Throws<CelCheckException>(() => Segment.Compile("pageViews.exists(v, v.price > 1.0)", Schema));
        Assert.Contains(error.Errors, e => e.Kind == CelCheckErrorKind.UndefinedField);
        Assert.Throws<CelCheckException>(() => Segment.Compile("loyaltyPoints == 'many'", Schema));
        Assert.Throws<CelCheckException>(() => Segment.Compile("loyaltyPoints > 5")); // not in the default schema
    }
}
