# The labels in Arabic (the reader's language; the UI's own words): heading and credits.
args: text tests/data/kinds-story --lang ar --choices 1,1,1,1,1,1,1,1
stdout-contains: شهادة مارتا (أُعيدت كتابتها من روايات حقيقية):
stdout-contains: كانت هنا شهادة أُعيدت كتابتها من روايات حقيقية.
stdout-contains: شهادات مركّبة، كلٌّ منها من عدة روايات حقيقية
stdout-not-contains: ROSATXT
