using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <remarks>
/// This part: the body of a snapshot (see <see cref="GraphSnapshot"/> for the frame). Removed nodes and freed
/// link slots are left out and the rest keep their relative order, so every answer (ages, explanations, split
/// numbering) is the same after loading.
/// </remarks>
internal sealed partial class GraphState
{
    public void WriteBody(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_types.Count);
        foreach (var type in _types)
        {
            writer.Write(type.Name);
        }

        writer.Write7BitEncodedInt(_sources.Count);
        foreach (var source in _sources)
        {
            writer.Write(source.Name);
        }

        writer.Write7BitEncodedInt(_lastPerson);
        writer.Write7BitEncodedInt(_liveCount);
        var compact = new int[_nodeCount];
        var next = 0;
        for (var node = 0; node < _nodeCount; node++)
        {
            if (_nodeType[node] == Removed)
            {
                continue;
            }

            compact[node] = next++;
            writer.Write(_nodeType[node]);
            writer.Write7BitEncodedInt(PersonOf(node));
            writer.Write(_tables[_nodeType[node]].GetValue(node, _nodeKey));
        }

        writer.Write7BitEncodedInt(_linkCount);
        for (var link = 0; link < _linkSlots; link++)
        {
            if (!IsLinkLive(link))
            {
                continue;
            }

            writer.Write7BitEncodedInt(compact[LinkFrom(link)]);
            writer.Write7BitEncodedInt(compact[LinkTo(link)]);
            writer.Write(_linkTicks[link]);
            writer.Write7BitEncodedInt(_linkSource[link]);
        }

        writer.Write7BitEncodedInt64(Audit.Dropped);
        writer.Write7BitEncodedInt(Audit.Count);
        foreach (var refusal in Audit)
        {
            writer.Write((byte)refusal.Rule);
            writer.Write(refusal.Reason);
            writer.Write(refusal.Link is not null);
            if (refusal.Link is { } link)
            {
                writer.Write(link.From.ToString());
                writer.Write(link.To.ToString());
                WriteTime(writer, link.At);
                writer.Write(link.Source.Name);
            }

            writer.Write7BitEncodedInt(refusal.Identifiers.Count);
            foreach (var identifier in refusal.Identifiers)
            {
                writer.Write(identifier.ToString());
            }

            WriteTime(writer, refusal.RefusedAt);
        }
    }

    /// <summary>
    /// Reads a body written by <see cref="WriteBody"/> (or by version 1, which had no count of dropped refusals).
    /// Every count is bounded by the bytes left (<see cref="SnapshotReader.Count"/>) before anything is allocated for it:
    /// an identifier takes at least 4 bytes, a link 11, a refusal 14 and an identifier it names 4.
    /// </summary>
    public static GraphState ReadBody(SnapshotReader reader, CompiledRules rules, int version, int auditCapacity)
    {
        var state = new GraphState(rules);
        state.Audit.Capacity = auditCapacity;
        reader.Section = "identifier types";
        var typeMap = new int[reader.Count(byte.MaxValue, minBytesEach: 2)];
        for (var i = 0; i < typeMap.Length; i++)
        {
            var name = reader.ReadString();
            typeMap[i] = state.TypeIndex(Checked(() => IdentifierType.FromName(name), reader, $"identifier type {i}"), register: true);
        }

        reader.Section = "link sources";
        var sources = new LinkSource[reader.Count(ushort.MaxValue + 1, minBytesEach: 2)];
        for (var i = 0; i < sources.Length; i++)
        {
            var name = reader.ReadString();
            sources[i] = Checked(() => LinkSource.FromName(name), reader, $"link source {i}");
            if (state.SourceIndex(sources[i]) != i)
            {
                throw reader.Invalid($"link source {i} ('{name}') appears twice");
            }
        }

        reader.Section = "identifiers";
        var lastPerson = reader.Count(int.MaxValue, minBytesEach: 0);
        var nodes = reader.Count(Array.MaxLength, minBytesEach: 4);
        state.EnsureNodeCapacity(nodes);
        var personOfNode = new int[nodes];
        for (var node = 0; node < nodes; node++)
        {
            reader.Section = $"identifier {node}";
            var type = reader.ReadByte();
            if (type >= typeMap.Length)
            {
                throw reader.Invalid($"identifier {node} has type number {type} but the snapshot lists {typeMap.Length} types");
            }

            var person = reader.Count(lastPerson, minBytesEach: 0);
            var value = reader.ReadString();
            var identifier = Checked(() => new Identifier(state._types[typeMap[type]], value), reader, $"identifier {node}");
            if (person == 0 || state.FindNode(identifier) >= 0)
            {
                throw reader.Invalid($"identifier {node} ('{identifier}') {(person == 0 ? "has no person" : "appears twice")}");
            }

            state.AddNode(identifier, typeMap[type]);
            personOfNode[node] = person;
        }

        reader.Section = "links";
        var links = reader.Count(Array.MaxLength / 2, minBytesEach: 11);
        state.EnsureEdgeCapacity(links);
        for (var i = 0; i < links; i++)
        {
            reader.Section = $"link {i}";
            var from = reader.Count(nodes - 1, minBytesEach: 0);
            var to = reader.Count(nodes - 1, minBytesEach: 0);
            var ticks = reader.ReadInt64();
            var source = reader.Count(sources.Length - 1, minBytesEach: 0);
            if (from == to || state.FindLink(from, to) >= 0 || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                throw reader.Invalid($"link {i} ({from} - {to}) is a self-link, a duplicate or out of time range");
            }

            state.AddLink(from, to, ticks, sources[source]);
            state.UnionUnnumbered(from, to);
        }

        reader.Section = "persons";
        state.NumberPersons(personOfNode, lastPerson, reader);

        reader.Section = "audit log";
        if (version >= 2)
        {
            var dropped = reader.Read7BitEncodedInt64();
            state.Audit.AddDropped(dropped >= 0 ? dropped : throw reader.Invalid($"the count of dropped refusals is {dropped}"));
        }

        var refusals = reader.Count(Array.MaxLength, minBytesEach: 14);
        for (var i = 0; i < refusals; i++)
        {
            reader.Section = $"audit entry {i}";
            state.Audit.Add(ReadRefusal(reader));
        }

        return state;
    }

    private void NumberPersons(int[] personOfNode, int lastPerson, SnapshotReader cursor)
    {
        // The person column reaches the highest number held, not the last handed out: numbers past it belong to
        // nobody (RootOfPerson), and the column grows to the last one when the next person is made.
        _lastPerson = lastPerson;
        _personRoot = new int[(personOfNode.Length == 0 ? 0 : personOfNode.Max()) + 1];
        Array.Fill(_personRoot, -1);
        for (var node = 0; node < personOfNode.Length; node++)
        {
            var root = Find(node);
            var person = personOfNode[node];
            if (_forest[root].Person == 0 && _personRoot[person] < 0)
            {
                _forest[root].Person = person;
                _personRoot[person] = root;
                _personCount++;
            }
            else if (_forest[root].Person != person)
            {
                throw cursor.Invalid($"identifier {node} is recorded as person P{person} but its links join it to person P{(_forest[root].Person == 0 ? person : _forest[root].Person)} (or P{person} is split across unlinked identifiers)");
            }
        }
    }

    private static IdentityRefusal ReadRefusal(SnapshotReader reader)
    {
        var rule = (IdentityRuleKind)reader.ReadByte();
        if (!Enum.IsDefined(rule))
        {
            throw reader.Invalid($"rule number {(int)rule} is unknown");
        }

        var reason = reader.ReadString();
        IdentityLink? link = null;
        if (reader.ReadBoolean())
        {
            var from = ReadIdentifier(reader);
            var to = ReadIdentifier(reader);
            var at = ReadTime(reader);
            var source = reader.ReadString();
            link = Checked(() => new IdentityLink(from, to, at, LinkSource.FromName(source)), reader, "the refused link");
        }

        var involved = new Identifier[reader.Count(Array.MaxLength, minBytesEach: 4)];
        for (var i = 0; i < involved.Length; i++)
        {
            involved[i] = ReadIdentifier(reader);
        }

        return new IdentityRefusal(rule, reason, link, involved, ReadTime(reader));
    }

    private static Identifier ReadIdentifier(SnapshotReader reader)
    {
        var text = reader.ReadString();
        return Checked(() => Identifier.Parse(text, CultureInfo.InvariantCulture), reader, "an identifier");
    }

    private static void WriteTime(BinaryWriter writer, DateTimeOffset time)
    {
        writer.Write(time.UtcTicks);
        writer.Write((short)time.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadTime(SnapshotReader reader)
    {
        var ticks = reader.ReadInt64();
        var minutes = reader.ReadInt16();
        return Checked(() => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes)), reader, "a time");
    }

    private static T Checked<T>(Func<T> make, SnapshotReader cursor, string what)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw cursor.Invalid($"{what} is not valid: {e.Message}");
        }
    }
}
