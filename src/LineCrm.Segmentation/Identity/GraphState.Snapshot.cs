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

    public static GraphState ReadBody(BinaryReader reader, CompiledRules rules, SnapshotCursor cursor)
    {
        var state = new GraphState(rules);
        cursor.Section = "identifier types";
        var typeMap = new int[Count(reader, cursor, byte.MaxValue)];
        for (var i = 0; i < typeMap.Length; i++)
        {
            var name = reader.ReadString();
            typeMap[i] = state.TypeIndex(Checked(() => IdentifierType.FromName(name), cursor, $"identifier type {i}"), register: true);
        }

        cursor.Section = "link sources";
        var sources = new LinkSource[Count(reader, cursor, ushort.MaxValue + 1)];
        for (var i = 0; i < sources.Length; i++)
        {
            var name = reader.ReadString();
            sources[i] = Checked(() => LinkSource.FromName(name), cursor, $"link source {i}");
            if (state.SourceIndex(sources[i]) != i)
            {
                throw cursor.Invalid($"link source {i} ('{name}') appears twice");
            }
        }

        cursor.Section = "identifiers";
        var lastPerson = Count(reader, cursor, int.MaxValue);
        var nodes = Count(reader, cursor, Array.MaxLength);
        state.EnsureNodeCapacity(nodes);
        var personOfNode = new int[nodes];
        for (var node = 0; node < nodes; node++)
        {
            cursor.Section = $"identifier {node}";
            var type = reader.ReadByte();
            if (type >= typeMap.Length)
            {
                throw cursor.Invalid($"identifier {node} has type number {type} but the snapshot lists {typeMap.Length} types");
            }

            var person = Count(reader, cursor, lastPerson);
            var value = reader.ReadString();
            var identifier = Checked(() => new Identifier(state._types[typeMap[type]], value), cursor, $"identifier {node}");
            if (person == 0 || state.FindNode(identifier) >= 0)
            {
                throw cursor.Invalid($"identifier {node} ('{identifier}') {(person == 0 ? "has no person" : "appears twice")}");
            }

            state.AddNode(identifier, typeMap[type]);
            personOfNode[node] = person;
        }

        cursor.Section = "links";
        var links = Count(reader, cursor, Array.MaxLength / 2);
        state.EnsureEdgeCapacity(links);
        for (var i = 0; i < links; i++)
        {
            cursor.Section = $"link {i}";
            var from = Count(reader, cursor, nodes - 1);
            var to = Count(reader, cursor, nodes - 1);
            var ticks = reader.ReadInt64();
            var source = Count(reader, cursor, sources.Length - 1);
            if (from == to || state.FindLink(from, to) >= 0 || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                throw cursor.Invalid($"link {i} ({from} - {to}) is a self-link, a duplicate or out of time range");
            }

            state.AddLink(from, to, ticks, sources[source]);
            state.UnionUnnumbered(from, to);
        }

        cursor.Section = "persons";
        state.NumberPersons(personOfNode, lastPerson, cursor);

        cursor.Section = "audit log";
        var refusals = Count(reader, cursor, Array.MaxLength);
        for (var i = 0; i < refusals; i++)
        {
            cursor.Section = $"audit entry {i}";
            state.Audit.Add(ReadRefusal(reader, cursor));
        }

        return state;
    }

    private void NumberPersons(int[] personOfNode, int lastPerson, SnapshotCursor cursor)
    {
        _lastPerson = lastPerson;
        _personRoot = new int[(long)lastPerson + 1];
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

    private static IdentityRefusal ReadRefusal(BinaryReader reader, SnapshotCursor cursor)
    {
        var rule = (IdentityRuleKind)reader.ReadByte();
        if (!Enum.IsDefined(rule))
        {
            throw cursor.Invalid($"rule number {(int)rule} is unknown");
        }

        var reason = reader.ReadString();
        IdentityLink? link = null;
        if (reader.ReadBoolean())
        {
            var from = ReadIdentifier(reader, cursor);
            var to = ReadIdentifier(reader, cursor);
            var at = ReadTime(reader, cursor);
            var source = reader.ReadString();
            link = Checked(() => new IdentityLink(from, to, at, LinkSource.FromName(source)), cursor, "the refused link");
        }

        var involved = new Identifier[Count(reader, cursor, Array.MaxLength)];
        for (var i = 0; i < involved.Length; i++)
        {
            involved[i] = ReadIdentifier(reader, cursor);
        }

        return new IdentityRefusal(rule, reason, link, involved, ReadTime(reader, cursor));
    }

    private static Identifier ReadIdentifier(BinaryReader reader, SnapshotCursor cursor)
    {
        var text = reader.ReadString();
        return Checked(() => Identifier.Parse(text, CultureInfo.InvariantCulture), cursor, "an identifier");
    }

    private static void WriteTime(BinaryWriter writer, DateTimeOffset time)
    {
        writer.Write(time.UtcTicks);
        writer.Write((short)time.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadTime(BinaryReader reader, SnapshotCursor cursor)
    {
        var ticks = reader.ReadInt64();
        var minutes = reader.ReadInt16();
        return Checked(() => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes)), cursor, "a time");
    }

    private static int Count(BinaryReader reader, SnapshotCursor cursor, int max)
    {
        int value;
        try
        {
            value = reader.Read7BitEncodedInt();
        }
        catch (FormatException e)
        {
            throw cursor.Invalid($"a number is malformed ({e.Message})");
        }

        return value >= 0 && value <= max
            ? value
            : throw cursor.Invalid($"the number {value} is out of range (0 to {max})");
    }

    private static T Checked<T>(Func<T> make, SnapshotCursor cursor, string what)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw cursor.Invalid($"{what} is not valid: {e.Message}");
        }
    }
}
