using EasternSelect.Domain.Files;

namespace EasternSelect.Domain.Tests.Files;

public sealed class StoredFileBuilderTests
{
    private static readonly DateTime Uploaded = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];

    [Fact]
    public void Build_HtmlNamedPdf_IsRefusedByContent()
    {
        var upload = StoredFileBuilder.Build("invoice.pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), FileRule.Document, "王小明", Uploaded);

        Assert.Null(upload.File);
        Assert.Equal("File.ContentMismatch", upload.Key);
        Assert.Equal("File.ContentMismatch|invoice.pdf", upload.Error);
    }

    [Fact]
    public void Build_RealPdf_StoresFileWithTypeHashAndUploader()
    {
        var upload = StoredFileBuilder.Build("契約.pdf", Pdf, FileRule.Document, "王小明", Uploaded);

        var file = Assert.IsType<StoredFile>(upload.File);
        Assert.Null(upload.Error);
        Assert.Equal("契約.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(Pdf.Length, file.Length);
        Assert.Equal(64, file.Sha256.Length);
        Assert.Equal("王小明", file.UploadedBy);
        Assert.Equal(Uploaded, file.UploadedUtc);
    }

    [Fact]
    public void Build_PngAndJpegPhotos_AreAcceptedWithImageTypes()
    {
        var png = StoredFileBuilder.Build("lot.png", Png, FileRule.Photo, "a", Uploaded);
        var jpeg = StoredFileBuilder.Build("LOT.JPEG", Jpeg, FileRule.Photo, "a", Uploaded);

        Assert.Equal("image/png", png.File?.ContentType);
        Assert.Equal("image/jpeg", jpeg.File?.ContentType);
    }

    [Fact]
    public void Build_SameBytesTwice_SameHash()
    {
        var first = StoredFileBuilder.Build("a.pdf", Pdf, FileRule.Document, "a", Uploaded).File!;
        var second = StoredFileBuilder.Build("b.pdf", [.. Pdf], FileRule.Document, "b", Uploaded).File!;

        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public void Build_OversizePhoto_RefusedWithPhotoLimitKey()
    {
        var big = new byte[FileSignature.MaxPhotoBytes + 1];
        Png.CopyTo(big, 0);

        var upload = StoredFileBuilder.Build("big.png", big, FileRule.Photo, "a", Uploaded);

        Assert.Null(upload.File);
        Assert.Equal("File.PhotoTooLarge|big.png", upload.Error);
    }

    [Fact]
    public void Build_OversizeDocument_RefusedWithGeneralLimitKey()
    {
        var big = new byte[StoredFile.MaxBytes + 1];
        Pdf.CopyTo(big, 0);

        Assert.Equal("File.TooLarge", StoredFileBuilder.Build("big.pdf", big, FileRule.Document, "a", Uploaded).Key);
    }

    [Fact]
    public void Build_WrongExtensionForRule_RefusedWithRuleKey()
    {
        Assert.Equal("File.PdfOnly", StoredFileBuilder.Build("report.png", Png, FileRule.LabReport, "a", Uploaded).Key);
        Assert.Equal("File.PhotoTypeNotAllowed", StoredFileBuilder.Build("scan.pdf", Pdf, FileRule.Photo, "a", Uploaded).Key);
        Assert.Equal("File.TypeNotAllowed", StoredFileBuilder.Build("contract.docx", [1, 2, 3], FileRule.Document, "a", Uploaded).Key);
    }

    [Fact]
    public void Build_EmptyContent_Refused()
    {
        Assert.Equal("File.Empty", StoredFileBuilder.Build("a.pdf", [], FileRule.Document, "a", Uploaded).Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\u0001name.pdf")]
    public void Build_InvalidName_Refused(string name)
    {
        Assert.Equal("File.NameInvalid", StoredFileBuilder.Build(name, Pdf, FileRule.Document, "a", Uploaded).Key);
    }

    [Fact]
    public void Build_NameWithFolders_KeepsOnlyTheFileName()
    {
        Assert.Equal("scan.pdf", StoredFileBuilder.Build("uploads/2026/scan.pdf", Pdf, FileRule.Document, "a", Uploaded).File?.FileName);
    }

    [Fact]
    public void Build_NameLongerThanTheColumn_Refused()
    {
        var name = new string('契', StoredFileBuilder.MaxNameLength) + ".pdf";

        Assert.Equal("File.NameInvalid", StoredFileBuilder.Build(name, Pdf, FileRule.Document, "a", Uploaded).Key);
    }

    [Fact]
    public async Task BuildAsync_StreamOverLimit_RefusedWithoutReadingItAll()
    {
        var big = new byte[FileSignature.MaxPhotoBytes * 3];
        Png.CopyTo(big, 0);
        await using var stream = new MemoryStream(big);

        var upload = await StoredFileBuilder.BuildAsync("big.png", stream, FileRule.Photo, "a", Uploaded, CancellationToken.None);

        Assert.Equal("File.PhotoTooLarge", upload.Key);
        Assert.True(stream.Position < big.Length);
    }

    [Fact]
    public async Task BuildAsync_PdfStream_StoresContent()
    {
        await using var stream = new MemoryStream(Pdf);

        var upload = await StoredFileBuilder.BuildAsync("a.pdf", stream, FileRule.Document, "a", Uploaded, CancellationToken.None);

        Assert.Equal(Pdf, upload.File?.Content);
    }
}
