using LineCrm.Identity;
using LineCrm.Segmentation.Members.Files;

namespace LineCrm.Segmentation.Members;

/// <remarks>This part: saving the resolver beside the member table it numbers, and loading it back.</remarks>
public sealed partial class IdentifierKeyedPersonResolver
{
    private const string What = "identifier-keyed resolver file";

    /// <summary>The version of the file format <see cref="Save"/> writes.</summary>
    public const int FileFormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "LCIDKEYS"u8;

    /// <summary>
    /// Writes every identifier and its person: the magic bytes <c>LCIDKEYS</c>, the format version and four
    /// sections framed and hashed as the member table's file is. Save it with the table
    /// (<see cref="MemberTable.Save"/>) and load both, so that identifiers keep their persons and new ones get
    /// new numbers.
    /// </summary>
    /// <param name="destination">A writable stream, left open.</param>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var types = new List<string>();
        var typeOf = new int[_persons.Count];
        var values = new List<string>(_persons.Count);
        var persons = new long[_persons.Count];
        var i = 0;
        foreach (var (identifier, person) in _persons)
        {
            var type = types.IndexOf(identifier.Type.Name);
            if (type < 0)
            {
                type = types.Count;
                types.Add(identifier.Type.Name);
            }

            typeOf[i] = type;
            values.Add(identifier.Value);
            persons[i++] = person.Value;
        }

        var writer = new ColumnFileWriter(destination, Magic, FileFormatVersion);
        writer.WriteStrings(1, types);
        writer.WriteColumn<int>(2, typeOf);
        writer.WriteStrings(3, values);
        writer.WriteColumn<long>(4, persons);
        writer.Complete();
    }

    /// <summary>Reads a resolver <see cref="Save"/> wrote.</summary>
    /// <param name="source">A readable stream at the start of the file; it is read to its end.</param>
    /// <exception cref="InvalidDataException">The stream is not such a file, is of a later version, is truncated,
    /// does not match its hashes, or holds an invalid identifier, a repeated one, or persons not numbered 1 to n.</exception>
    public static IdentifierKeyedPersonResolver Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = ColumnFileReader.Open(source, Magic, What, FileFormatVersion);

        var types = reader.ReadStrings(1, "identifier types");
        var typeOf = reader.ReadColumn<int>(2, "identifier type ids");
        var values = reader.ReadStrings(3, "identifier values");
        var persons = reader.ReadColumn<long>(4, "persons");
        reader.ReadEnd();
        if (typeOf.Length != values.Count || persons.Length != values.Count)
        {
            throw ColumnFile.Inconsistent(What, $"{values.Count} values, {typeOf.Length} type ids and {persons.Length} persons");
        }

        var resolver = new IdentifierKeyedPersonResolver();
        var numbered = new bool[persons.Length + 1];
        for (var i = 0; i < values.Count; i++)
        {
            if (typeOf[i] < 0 || typeOf[i] >= types.Count)
            {
                throw ColumnFile.Inconsistent(What, $"identifier {i} has the type id {typeOf[i]}, outside 0 to {types.Count - 1}");
            }

            // The next person is Count + 1, so the persons must be exactly 1 to n, each once.
            if (persons[i] < 1 || persons[i] > persons.Length || numbered[persons[i]])
            {
                throw ColumnFile.Inconsistent(What, $"identifier {i} has the person {persons[i]}, which repeats or is outside 1 to {persons.Length}");
            }

            numbered[persons[i]] = true;
            Identifier identifier;
            try
            {
                identifier = new Identifier(IdentifierType.FromName(types[typeOf[i]]), values[i]);
            }
            catch (ArgumentException e)
            {
                throw ColumnFile.Inconsistent(What, $"identifier {i} is not valid ({e.Message})");
            }

            if (!resolver._persons.TryAdd(identifier, new PersonId(persons[i])))
            {
                throw ColumnFile.Inconsistent(What, $"identifier {i} ('{identifier}') repeats");
            }
        }

        return resolver;
    }
}
