using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Runtime;
using static LineCrm.Segmentation.Expressions.Extensions.LibraryFunctions;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>The encoders extension (cel-go <c>ext.Encoders</c>): <c>base64.encode(bytes)</c> and
/// <c>base64.decode(string)</c>, which also takes text without its <c>=</c> padding.</summary>
internal sealed class EncodersLibrary : ICelLibrary
{
    public string Name => "cel.lib.ext.encoders";

    public CelEnvironment Configure(CelEnvironment environment) => environment
        .WithFunction("base64.encode", Global("base64_encode_bytes", [CelType.Bytes], CelType.String, a => Convert.ToBase64String(((CelBytes)a[0]).Bytes.AsSpan())))
        .WithFunction("base64.decode", Global("base64_decode_string", [CelType.String], CelType.Bytes, a => Decode((string)a[0])));

    public static CelBytes Decode(string text)
    {
        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - (text.Length % 4));
        var buffer = new byte[padded.Length / 4 * 3];
        return text.Length % 4 != 1 && Convert.TryFromBase64String(padded, buffer, out var written)
            ? new CelBytes([.. buffer.AsSpan(0, written)])
            : throw new CelRuntimeError(CelRuntimeError.InvalidArgument, "base64.decode(): the text is not base64");
    }
}
