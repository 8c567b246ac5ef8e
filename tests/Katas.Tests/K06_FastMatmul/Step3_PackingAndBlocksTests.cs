using Foundations;
using Katas.FastMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K06_FastMatmul;

/// <summary>Step 3: packing blocks into panels in the order the kernel reads them, and the loops over cache blocks.</summary>
[Category("K06")]
public class Step3_PackingAndBlocksTests
{
    [Test]
    public void PackA_WritesSixRowPanels_KMajor_WithZeroRowsPastTheEnd()
    {
        // A transposed view (strides 1 and 10), rows 2..8 (7 rows: a full panel and one row of a second), columns 1..5.
        Tensor a = TensorGen.Randn(21, 10, 12).T();
        int row0 = 2, rows = 7, k0 = 1, depth = 5;
        var packed = new float[2 * 6 * depth];
        Array.Fill(packed, float.NaN); // a slot left unwritten shows up as NaN
        PanelPacking.PackA(a, row0, rows, k0, depth, packed);
        for (int panel = 0; panel < 2; panel++)
            for (int p = 0; p < depth; p++)
                for (int r = 0; r < 6; r++)
                {
                    int row = panel * 6 + r;
                    float expected = row < rows ? a[row0 + row, k0 + p] : 0f;
                    Assert.That(packed[panel * depth * 6 + p * 6 + r], Is.EqualTo(expected),
                        $"packed[{panel}·{depth}·6 + {p}·6 + {r}] should be A[{row0 + row}, {k0 + p}] (or 0 past the block's {rows} rows): panels are k-major, 6 rows wide");
                }
    }

    [Test]
    public void PackB_WritesPanelsOfTheGivenWidth_KMajor_WithZeroColumnsPastTheEnd([Values(8, 16, 32)] int width)
    {
        // Every other column of B, from row 3: a column stride of 2 and an offset.
        Tensor b = TensorGen.Randn(22, 12, 44).Narrow(0, 3, 9).Slice(1, 0, 44, 2); // 9×22
        AssertPacksB(b, k0: 1, depth: 6, col0: 2, cols: 19, width);
    }

    [Test]
    public void PackB_OfARowMajorB_CopiesWholePanelsAndPadsTheLastOne([Values(8, 16, 32)] int width)
    {
        // Rows 2..11 of a row-major 12×80 B: contiguous rows, an offset, and 70 columns from column 3, so whole
        // panels (more than one pass of several panels at width 8) and a last panel of 6 columns.
        Tensor b = TensorGen.Randn(23, 12, 80).Narrow(0, 2, 10);
        AssertPacksB(b, k0: 3, depth: 7, col0: 3, cols: 70, width);
    }

    private static void AssertPacksB(Tensor b, int k0, int depth, int col0, int cols, int width)
    {
        int panels = (cols + width - 1) / width;
        var packed = new float[panels * width * depth];
        Array.Fill(packed, float.NaN);
        PanelPacking.PackB(b, k0, depth, col0, cols, width, packed);
        for (int panel = 0; panel < panels; panel++)
            for (int p = 0; p < depth; p++)
                for (int j = 0; j < width; j++)
                {
                    int column = panel * width + j;
                    float expected = column < cols ? b[k0 + p, col0 + column] : 0f;
                    Assert.That(packed[panel * depth * width + p * width + j], Is.EqualTo(expected),
                        $"packed[{panel}·{depth}·{width} + {p}·{width} + {j}] should be B[{k0 + p}, {col0 + column}] (or 0 past the block's {cols} columns)");
                }
    }

    [Test]
    public void PackA_IntoABufferTooShort_ThrowsNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => PanelPacking.PackA(Tensor.Zeros(7, 5), 0, 7, 0, 5, new float[40]),
            "7 rows make 2 panels of 6 × 5 = 60 floats");
        Assert.That(error!.Message, Does.Contain(" A ").And.Contain("40").And.Contain("60"),
            "the message should say which operand is packed, what the buffer holds and what is needed");
    }

    // Each case breaks one edge of the block (row0, rows, k0, depth) of a 7×5 A.
    [TestCase(5, 3, 0, 5, TestName = "PackA_RowsPastTheEnd_Throw")]
    [TestCase(-1, 2, 0, 5, TestName = "PackA_ANegativeFirstRow_Throws")]
    [TestCase(0, -1, 0, 5, TestName = "PackA_ANegativeRowCount_Throws")]
    [TestCase(0, 6, 3, 3, TestName = "PackA_ColumnsPastTheEnd_Throw")]
    [TestCase(0, 6, -1, 2, TestName = "PackA_ANegativeFirstColumn_Throws")]
    [TestCase(0, 6, 0, -1, TestName = "PackA_ANegativeDepth_Throws")]
    public void PackA_ABlockOutsideA_ThrowsNamingTheShape(int row0, int rows, int k0, int depth)
    {
        var error = Assert.Throws<ArgumentException>(() => PanelPacking.PackA(Tensor.Zeros(7, 5), row0, rows, k0, depth, new float[200]),
            $"rows {row0}..{row0 + rows}, columns {k0}..{k0 + depth} are not all inside a 7×5 A");
        Assert.That(error!.Message, Does.Contain(" A ").And.Contain("[7, 5]").And.Contain($"{row0}..{row0 + rows}"),
            "the message should name A, its shape and the rows asked for");
    }

    [Test]
    public void PackA_OfAVector_ThrowsNamingTheShape()
    {
        var error = Assert.Throws<ArgumentException>(() => PanelPacking.PackA(Tensor.Zeros(5), 0, 1, 0, 5, new float[30]),
            "a vector of 5 is not a matrix: it has no rows to pack");
        Assert.That(error!.Message, Does.Contain("[5]").And.Contain("2-D"), "the message should say a matrix is needed and show the shape");
    }

    [Test]
    public void PackA_NoRows_PacksNothing_AndDoesNotThrow()
    {
        var packed = new float[] { 5f };
        PanelPacking.PackA(Tensor.Ones(7, 5), 7, 0, 0, 5, packed);
        Assert.That(packed[0], Is.EqualTo(5f), "a block of zero rows (at A's end) is empty: nothing to pack, nothing to complain about");
    }

    [Test]
    public void PackB_NoColumns_PacksNothing_AndDoesNotThrow()
    {
        var packed = new float[] { 5f };
        PanelPacking.PackB(Tensor.Ones(4, 5), 0, 4, 5, 0, 8, packed);
        Assert.That(packed[0], Is.EqualTo(5f), "a block of zero columns (at B's end) is empty: nothing to pack, nothing to complain about");
    }

    [TestCase(-1, 2, TestName = "PackB_ANegativeFirstColumn_Throws")]
    [TestCase(0, -1, TestName = "PackB_ANegativeColumnCount_Throws")]
    public void PackB_ColumnsOutsideB_Throw(int col0, int cols)
    {
        var error = Assert.Throws<ArgumentException>(() => PanelPacking.PackB(Tensor.Zeros(4, 5), 0, 4, col0, cols, 8, new float[64]),
            $"columns {col0}..{col0 + cols} are not a block of a 4×5 B");
        Assert.That(error!.Message, Does.Contain(" B ").And.Contain("[4, 5]").And.Contain($"{col0}..{col0 + cols}"),
            "the message should name B, its shape and the columns asked for");
    }

    [TestCase(0)]
    [TestCase(-8)]
    public void PackB_APanelWidthThatIsNotPositive_Throws(int panelWidth)
    {
        var error = Assert.Throws<ArgumentException>(() => PanelPacking.PackB(Tensor.Zeros(4, 5), 0, 4, 0, 5, panelWidth, new float[64]),
            $"a panel {panelWidth} columns wide holds nothing");
        Assert.That(error!.Message, Does.Contain(panelWidth.ToString()));
    }

    [Test]
    public void PackB_IntoABufferTooShort_ThrowsNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => PanelPacking.PackB(Tensor.Zeros(4, 9), 0, 4, 0, 9, 8, new float[50]),
            "9 columns make 2 panels of 8 × 4 = 64 floats");
        Assert.That(error!.Message, Does.Contain(" B ").And.Contain("50").And.Contain("64"),
            "the message should say which operand is packed, what the buffer holds and what is needed");
    }

    [Test]
    public void PackB_ABlockOutsideB_ThrowsNamingTheShape()
    {
        var error = Assert.Throws<ArgumentException>(() => PanelPacking.PackB(Tensor.Zeros(4, 5), 0, 4, 3, 3, 8, new float[64]),
            "columns 3..6 do not exist in a 4×5 B");
        Assert.That(error!.Message, Does.Contain("[4, 5]"));
    }

    // 150 rows: more than one mc block (144). k = 300: two kc slices. n = 45: a partial panel at every width.
    [Test]
    public void BlockedProduct_CrossesEveryBlockEdge_AtEveryWidth(
        [Values(VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)] VectorWidth width)
    {
        Tensor a = TensorGen.Randn(23, 150, 300), b = TensorGen.Randn(24, 300, 45);
        TensorAssert.Near(BlockedMatmul.Multiply(a, b, width), Reference.Product(a, b),
            $"150×300 @ 300×45 with {(int)width}-bit vectors: two row blocks, two k slices, and edge tiles", atol: Reference.Atol(300));
    }

    // k = 301 is cut into slices of 151 and 150: the last slice is shorter than the others.
    [Test]
    public void BlockedProduct_WithADepthThatDoesNotSplitEvenly_Matches()
    {
        Tensor a = TensorGen.Randn(55, 30, 301), b = TensorGen.Randn(56, 301, 20);
        TensorAssert.Near(BlockedMatmul.Multiply(a, b), Reference.Product(a, b), "30×301 @ 301×20: two k slices of 151 and 150",
            atol: Reference.Atol(301));
    }

    [Test]
    public void BlockedProduct_ReadsViewsThroughPacking()
    {
        Tensor a = TensorGen.Randn(25, 40, 31).T(), b = TensorGen.Randn(26, 45, 70).Narrow(0, 2, 40).Slice(1, 1, 70, 2);
        TensorAssert.Near(BlockedMatmul.Multiply(a, b), Reference.Product(a, b), "Aᵀ-view (31×40) @ a stepped view of B (40×35)",
            atol: Reference.Atol(40));
    }

    [Test]
    public void BlockedProduct_EmptyInnerDimension_GivesZeros()
    {
        TensorAssert.Equal(BlockedMatmul.Multiply(Tensor.Zeros(3, 0), Tensor.Zeros(0, 4)), Tensor.Zeros(3, 4), "3×0 @ 0×4 sums over an empty k");
    }
}
