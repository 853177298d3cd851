package gallery.vision.models.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsReaderTest {

    @TempDir
    Path dir;

    @Test
    void dequantizesUint8AsCodeTimesScalePlusMin() throws IOException {
        write("""
                [{"paths":["w.bin"],"weights":[{"name":"a","shape":[3],"dtype":"float32",
                  "quantization":{"dtype":"uint8","scale":0.5,"min":-1.0}}]}]""", new byte[] {0, 2, (byte) 255});

        assertThat(WeightsReader.read(dir.resolve("m.json")).get("a", 3).data()).containsExactly(-1f, 0f, 126.5f);
    }

    @Test
    void readsPlainFloat32AndRoundsQuantizedInt32InManifestOrder() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + 2).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1.25f).putFloat(-2f).put((byte) 3).put((byte) 4);
        write("""
                [{"paths":["w.bin"],"weights":[
                  {"name":"f","shape":[2],"dtype":"float32"},
                  {"name":"i","shape":[2],"dtype":"int32","quantization":{"dtype":"uint8","scale":0.3,"min":1}}]}]""",
                b.array());

        WeightMap w = WeightsReader.read(dir.resolve("m.json"));

        assertThat(w.get("f").data()).containsExactly(1.25f, -2f);
        assertThat(w.get("i").data()).containsExactly(2f, 2f); // round(1.9), round(2.2)
    }

    @Test
    void decodesFloat16() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x3c00).putShort((short) 0xc100); // 1.0, -2.5
        write("""
                [{"paths":["w.bin"],"weights":[{"name":"h","shape":[2],"dtype":"float32",
                  "quantization":{"dtype":"float16"}}]}]""", b.array());

        assertThat(WeightsReader.read(dir.resolve("m.json")).get("h").data()).containsExactly(1f, -2.5f);
    }

    @Test
    void failsNamingTheWeightWhenTheBinaryIsTooShort() throws IOException {
        write("""
                [{"paths":["w.bin"],"weights":[{"name":"big","shape":[4],"dtype":"float32"}]}]""", new byte[8]);

        assertThatThrownBy(() -> WeightsReader.read(dir.resolve("m.json"))).hasMessageContaining("big");
    }

    @Test
    void failsOnAShapeOtherThanTheNetworkExpects() throws IOException {
        write("""
                [{"paths":["w.bin"],"weights":[{"name":"a","shape":[2],"dtype":"float32"}]}]""", new byte[8]);

        assertThatThrownBy(() -> WeightsReader.read(dir.resolve("m.json")).get("a", 3)).hasMessageContaining("[2]");
    }

    private void write(String manifest, byte[] bin) throws IOException {
        Files.writeString(dir.resolve("m.json"), manifest);
        Files.write(dir.resolve("w.bin"), bin);
    }
}
