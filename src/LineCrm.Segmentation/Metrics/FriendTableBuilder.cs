using LineCrm.Events;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Collects LINE friend events per person (dense person numbers) into a <see cref="FriendTable"/>. Events may
/// arrive in any order: the earliest friend-add and link win, and the latest of friend add, block and unblock
/// decides whether the person blocks the account (adding the account again after blocking it unblocks it; on
/// equal times the later call wins). These are the fact store's rules, so a table built here and one taken
/// from the store with <see cref="FriendTable.FromMembers(MemberTable)"/> agree on the same events.
/// </summary>
public sealed class FriendTableBuilder
{
    private readonly StringPool _campaignNames = new();
    private readonly StringPool _storeNames = new();
    private long[] _friendAdded = [];
    private int[] _campaigns = [];
    private int[] _stores = [];
    private long[] _linked = [];
    private long[] _blockChange = [];
    private bool[] _blocked = [];
    private long[] _lastClick = [];
    private int _personCount;
    private long _latest = FriendTable.Never;

    /// <summary>Records that a person added the account as a friend.</summary>
    /// <param name="person">The dense person number.</param>
    /// <param name="at">When.</param>
    /// <param name="campaign">The campaign that recruited them, if any.</param>
    /// <param name="store">The store that recruited them (its QR code or till), if any.</param>
    public FriendTableBuilder AddFriend(int person, DateTimeOffset at, string? campaign = null, string? store = null)
    {
        Ensure(person, at);
        if (_friendAdded[person] == FriendTable.Never || at.UtcTicks < _friendAdded[person])
        {
            _friendAdded[person] = at.UtcTicks;
            _campaigns[person] = _campaignNames.InternOptional(campaign);
            _stores[person] = _storeNames.InternOptional(store);
        }

        ChangeFriendState(person, at, blocked: false);
        return this;
    }

    /// <summary>Records that a person linked a member id (web member, store card) to their LINE account.</summary>
    public FriendTableBuilder AddLink(int person, DateTimeOffset at)
    {
        Ensure(person, at);
        if (_linked[person] == FriendTable.Never || at.UtcTicks < _linked[person])
        {
            _linked[person] = at.UtcTicks;
        }

        return this;
    }

    /// <summary>Records that a person blocked (<paramref name="blocked"/> true) or unblocked the account.</summary>
    public FriendTableBuilder AddBlockChange(int person, DateTimeOffset at, bool blocked)
    {
        Ensure(person, at);
        ChangeFriendState(person, at, blocked);
        return this;
    }

    private void ChangeFriendState(int person, DateTimeOffset at, bool blocked)
    {
        if (_blockChange[person] == FriendTable.Never || at.UtcTicks >= _blockChange[person])
        {
            _blockChange[person] = at.UtcTicks;
            _blocked[person] = blocked;
        }
    }

    /// <summary>Records that a person clicked a message.</summary>
    public FriendTableBuilder AddClick(int person, DateTimeOffset at)
    {
        Ensure(person, at);
        _lastClick[person] = Math.Max(_lastClick[person], at.UtcTicks);
        return this;
    }

    /// <summary>
    /// Records an interaction: friend added (with its campaign, and its <see cref="Interaction.Target"/> as the
    /// recruiting store), blocked, unblocked, clicked. Other kinds are ignored, as the funnel does not use them.
    /// </summary>
    /// <returns>Whether the interaction was one of the kinds the table keeps.</returns>
    public bool Add(int person, Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var kind = interaction.Kind;
        if (kind == InteractionKind.FriendAdded)
        {
            AddFriend(person, interaction.At, interaction.CampaignId, interaction.Target);
        }
        else if (kind == InteractionKind.Blocked || kind == InteractionKind.Unblocked)
        {
            AddBlockChange(person, interaction.At, kind == InteractionKind.Blocked);
        }
        else if (kind == InteractionKind.Clicked)
        {
            AddClick(person, interaction.At);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Makes the table, covering at least <paramref name="personCount"/> persons.</summary>
    public FriendTable Build(int personCount = 0)
    {
        var n = Math.Max(personCount, _personCount);
        Grow(n);
        return new FriendTable(_friendAdded[..n], _campaigns[..n], _stores[..n], _linked[..n], _blocked[..n], _lastClick[..n],
            [.. _campaignNames.Values], [.. _storeNames.Values], _latest);
    }

    private void Ensure(int person, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        if (person >= _friendAdded.Length)
        {
            Grow(Math.Max(person + 1, _friendAdded.Length * 2));
        }

        _personCount = Math.Max(_personCount, person + 1);
        _latest = Math.Max(_latest, at.UtcTicks);
    }

    private void Grow(int capacity)
    {
        if (capacity <= _friendAdded.Length)
        {
            return;
        }

        var old = _friendAdded.Length;
        Array.Resize(ref _friendAdded, capacity);
        Array.Resize(ref _campaigns, capacity);
        Array.Resize(ref _stores, capacity);
        Array.Resize(ref _linked, capacity);
        Array.Resize(ref _blockChange, capacity);
        Array.Resize(ref _blocked, capacity);
        Array.Resize(ref _lastClick, capacity);
        _friendAdded.AsSpan(old).Fill(FriendTable.Never);
        _campaigns.AsSpan(old).Fill(StringPool.None);
        _stores.AsSpan(old).Fill(StringPool.None);
        _linked.AsSpan(old).Fill(FriendTable.Never);
        _blockChange.AsSpan(old).Fill(FriendTable.Never);
        _lastClick.AsSpan(old).Fill(FriendTable.Never);
    }
}
