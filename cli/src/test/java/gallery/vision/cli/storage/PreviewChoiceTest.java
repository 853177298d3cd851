package gallery.vision.cli.storage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewChoiceTest {

    @Test
    void choosesTheLargestPreviewOfAtMost800() {
        assertThat(PreviewChoice.choose(List.of("image-preview-128.jpg", "image-preview-800.jpg",
                "image-preview-320.jpg", "image-preview-1280.jpg", "image-preview-1920.jpg")))
                .contains("image-preview-800.jpg");
    }

    @Test
    void neverSendsALargerPreviewWhenNoSmallOneExists() {
        assertThat(PreviewChoice.choose(List.of("image-preview-1280.jpg", "image-preview-1920.jpg"))).isEmpty();
    }

    @Test
    void fallsBackToSmallerPreviewsOfSmallPhotos() {
        assertThat(PreviewChoice.choose(List.of("image-preview-128.jpg", "image-preview-320.jpg", "exif.json")))
                .contains("image-preview-320.jpg");
    }

    @Test
    void ignoresFilesThatAreNotImagePreviews() {
        assertThat(PreviewChoice.choose(List.of("video-poster.jpg", "raw-preview.jpg", "image-preview-800.png",
                "objects.json"))).isEmpty();
    }
}
