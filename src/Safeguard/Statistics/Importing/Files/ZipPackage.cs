using System.IO.Compression;
using System.Xml;

namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// The zip container of an XLSX or ODS file, read with System.IO.Compression so that every byte inflated is
/// counted against <see cref="ImportLimits.MaxDecompressedBytes"/>: the sizes declared in the zip are checked
/// before anything is opened, and the bytes really inflated are counted as they are read, since a header can lie.
/// </summary>
internal sealed class ZipPackage
{
    private readonly byte[] _content;
    private readonly ReadAllowance _inflated;

    private ZipPackage(string fileName, byte[] content, ImportLimits limits)
    {
        FileName = fileName;
        _content = content;
        _inflated = new ReadAllowance(limits.MaxDecompressedBytes,
            () => LimitMessages.ZipBomb(fileName, limits.MaxDecompressedBytes));
    }

    public string FileName { get; }

    /// <summary>Opens the zip and refuses it when its entries declare more than the decompressed limit.</summary>
    public static ZipPackage Open(string fileName, byte[] content, ImportLimits limits)
    {
        using var archive = OpenArchive(fileName, content);
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (declared > limits.MaxDecompressedBytes)
            {
                throw LimitMessages.ZipBomb(fileName, limits.MaxDecompressedBytes);
            }
        }
        return new ZipPackage(fileName, content, limits);
    }

    /// <summary>
    /// A new view of the archive. Each pass over a part opens its own, so two sheets can be read at once; reading
    /// the central directory of an in-memory zip is cheap.
    /// </summary>
    public ZipArchive OpenArchive() => OpenArchive(FileName, _content);

    private static ZipArchive OpenArchive(string fileName, byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Damaged(fileName, "the zip archive is incomplete");
        }
    }

    /// <summary>Whether the archive holds a part at this path (case-sensitive, as zip names are).</summary>
    public static ZipArchiveEntry? Find(ZipArchive archive, string path) => archive.GetEntry(path.TrimStart('/'));

    /// <summary>An XmlReader over a part, counting inflated bytes; DTDs and external resources are refused.</summary>
    public XmlReader OpenXml(ZipArchiveEntry entry)
    {
        if (entry.Length > _inflated.Limit)
        {
            throw LimitMessages.ZipBomb(FileName, _inflated.Limit);
        }
        Stream inflating;
        try
        {
            inflating = entry.Open();
        }
        catch (InvalidDataException)
        {
            throw Damaged(FileName, $"the zip entry {entry.FullName} cannot be unpacked");
        }
        var counted = new InflationCountingStream(inflating, entry.FullName, _inflated);
        return XmlReader.Create(counted, XmlSettings);
    }

    /// <summary>Reads a small part (such as the ODS mimetype) as text, within the same allowance.</summary>
    public string ReadText(ZipArchiveEntry entry, int maxChars) => Guard(FileName, $"the zip entry {entry.FullName}", () =>
    {
        using var stream = new InflationCountingStream(entry.Open(), entry.FullName, _inflated);
        using var reader = new StreamReader(stream);
        var buffer = new char[maxChars];
        var read = reader.ReadBlock(buffer, 0, maxChars);
        return new string(buffer, 0, read);
    });

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static ImportFileException Damaged(string fileName, string what) => new($"{fileName} is damaged: {what}");

    /// <summary>
    /// The message for an exception met while reading a part of a broken zip or broken XML, naming the file and the
    /// part; null for any other exception.
    /// </summary>
    private static ImportFileException? Translate(Exception exception, string fileName, string partDescription) =>
        exception switch
        {
            XmlException xml => Damaged(fileName,
                $"{partDescription} is not well-formed XML (line {xml.LineNumber}, position {xml.LinePosition})"),
            InvalidDataException => Damaged(fileName, $"{partDescription} cannot be unpacked from the zip archive"),
            EndOfStreamException => Damaged(fileName, $"{partDescription} is cut short"),
            _ => null,
        };

    /// <summary>Runs a read of a part, turning broken zip or XML into a message that names the file and the part.</summary>
    public static T Guard<T>(string fileName, string partDescription, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (Translate(e, fileName, partDescription) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Counts bytes as they come out of the inflater and stops at the limit, whatever the zip claimed.</summary>
    private sealed class InflationCountingStream(Stream inner, string part, ReadAllowance allowance) : Stream
    {
        private long _count;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Counted(int read)
        {
            _count += read;
            allowance.Charge(part, _count);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>Forward-only walks over XML that each leave the reader just after what they consumed.</summary>
internal static class Xml
{
    /// <summary>
    /// Calls <paramref name="consume"/> for each child element of the element the reader is on; it must consume
    /// the child (Skip, ReadElementContentAsString, or another walk). Leaves the reader after the element.
    /// </summary>
    public static void ForEachChild(XmlReader xml, Action<XmlReader> consume)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                consume(xml);
            }
            else
            {
                xml.Read();
            }
        }
        xml.Read();
    }

    /// <summary>Calls <paramref name="consume"/> for every element with this local name, at any depth, to the end.</summary>
    public static void ForEachElement(XmlReader xml, string localName, Action<XmlReader> consume)
    {
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == localName)
            {
                consume(xml);
            }
            else
            {
                xml.Read();
            }
        }
    }
}
