-- The product mask the generator kept (white where the image shows the merchant's own
-- product, black where it shows the scene), stored beside the image: what checks of the
-- product's fidelity compare against. Null where no product was placed (text to image).
ALTER TABLE render_task ADD COLUMN mask_key TEXT;
